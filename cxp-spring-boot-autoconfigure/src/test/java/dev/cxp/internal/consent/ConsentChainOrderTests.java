package dev.cxp.internal.consent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import dev.cxp.consent.ConsentDecision;
import dev.cxp.consent.ConsentRequest;
import dev.cxp.consent.ConsentSource;
import dev.cxp.consent.ConsentState;
import dev.cxp.internal.web.servlet.TestExchanges;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How {@link ConsentChain} combines its sources: each purpose takes the state of the first source that grants or
 * denies it, the decision is named after the first source that stated anything, and no source is asked once
 * every purpose is stated.
 */
class ConsentChainOrderTests {

	private static final ConsentPurposes PURPOSES = ConsentPurposes.of(List.of("analytics", "ads", "maps"),
			"analytics");

	private final List<String> asked = new ArrayList<>();

	private final ConsentRequest request = TestExchanges.consentRequest(new MockHttpServletRequest());

	@Test
	void eachPurposeTakesTheStateOfTheFirstSourceThatStatesIt() {
		ConsentChain chain = chainOf(source("first", Map.of("ads", ConsentState.DENIED)),
				source("second", Map.of("ads", ConsentState.GRANTED, "analytics", ConsentState.GRANTED)));
		ConsentDecision decision = chain.resolve(this.request);
		assertThat(decision.source()).isEqualTo("first");
		assertThat(decision.state()).isEqualTo(ConsentState.GRANTED);
		assertThat(decision.state("ads")).isEqualTo(ConsentState.DENIED);
		assertThat(decision.state("maps")).isEqualTo(ConsentState.UNSPECIFIED);
		assertThat(this.asked).containsExactly("first", "second");
	}

	@Test
	void aSourceThatStatesNothingDoesNotNameTheDecision() {
		ConsentChain chain = chainOf(source("silent", Map.of()),
				source("unspecified", Map.of("analytics", ConsentState.UNSPECIFIED)),
				source("unknown", Map.of("video", ConsentState.DENIED)),
				source("cookie", Map.of("analytics", ConsentState.DENIED)));
		ConsentDecision decision = chain.resolve(this.request);
		assertThat(decision.source()).isEqualTo("cookie");
		assertThat(decision.state()).isEqualTo(ConsentState.DENIED);
		assertThat(decision.purposes()).doesNotContainKey("video");
	}

	@Test
	void aLaterSourceThatOnlyRepeatsStatedPurposesDoesNotNameTheDecision() {
		ConsentChain chain = chainOf(source("header", Map.of("ads", ConsentState.GRANTED)),
				source("cookie", Map.of("ads", ConsentState.DENIED, "maps", ConsentState.DENIED)));
		ConsentDecision decision = chain.resolve(this.request);
		assertThat(decision.source()).isEqualTo("header");
		assertThat(decision.state("ads")).isEqualTo(ConsentState.GRANTED);
		assertThat(decision.state("maps")).isEqualTo(ConsentState.DENIED);
	}

	@Test
	void noSourceIsAskedOnceEveryPurposeIsStated() {
		ConsentChain chain = chainOf(
				source("first", Map.of("analytics", ConsentState.GRANTED, "ads", ConsentState.GRANTED)),
				source("second", Map.of("maps", ConsentState.DENIED)), source("third", Map.of()));
		ConsentDecision decision = chain.resolve(this.request);
		assertThat(this.asked).containsExactly("first", "second");
		assertThat(decision.source()).isEqualTo("first");
		assertThat(decision.state("maps")).isEqualTo(ConsentState.DENIED);
	}

	@Test
	void withoutAnyStatementTheDecisionIsUnspecified() {
		ConsentChain chain = chainOf(source("silent", Map.of()));
		assertThat(chain.resolve(this.request)).isSameAs(ConsentDecision.unspecified());
		assertThat(chainOf().resolve(this.request)).isSameAs(ConsentDecision.unspecified());
	}

	@Test
	void theChainShowsItsSourcesInOrder() {
		List<List<ConsentSource>> sources = new ArrayList<>(
				List.of(List.of(source("header", Map.of())), List.of(source("cookie", Map.of()))));
		ConsentChain chain = new ConsentChain(sources, PURPOSES);
		sources.clear();
		assertThat(chain.sources()).hasSize(2);
		assertThat(chain.sourceNames()).containsExactly("header", "cookie");
		assertThat(chain).hasToString("ConsentChain[header, cookie]");
	}

	@Test
	void aDenialFromAnyPeerWinsAndNamesTheDecision() {
		ConsentChain chain = new ConsentChain(List.of(List.of(
				source("onetrust", Map.of("analytics", ConsentState.GRANTED, "ads", ConsentState.DENIED)),
				source("cookiebot", Map.of("analytics", ConsentState.DENIED, "ads", ConsentState.GRANTED)))), PURPOSES);
		ConsentDecision decision = chain.resolve(this.request);
		assertThat(decision.state("analytics")).isEqualTo(ConsentState.DENIED);
		assertThat(decision.state("ads")).isEqualTo(ConsentState.DENIED);
		assertThat(decision.state("maps")).isEqualTo(ConsentState.UNSPECIFIED);
		assertThat(decision.source()).isEqualTo("cookiebot");
		assertThat(this.asked).containsExactly("onetrust", "cookiebot");
	}

	@Test
	void peersThatAgreeAreNamedAfterTheFirstOfThem() {
		ConsentChain chain = new ConsentChain(List.of(List.of(source("onetrust", Map.of("ads", ConsentState.GRANTED)),
				source("cookiebot", Map.of("ads", ConsentState.GRANTED, "maps", ConsentState.DENIED)))), PURPOSES);
		ConsentDecision decision = chain.resolve(this.request);
		assertThat(decision.source()).isEqualTo("onetrust");
		assertThat(decision.state("ads")).isEqualTo(ConsentState.GRANTED);
		assertThat(decision.state("maps")).isEqualTo(ConsentState.DENIED);
		assertThat(decision.state()).isEqualTo(ConsentState.UNSPECIFIED);
	}

	@Test
	void aPeerThatLeavesAPurposeUnspecifiedDoesNotHideAnotherPeersAnswer() {
		ConsentChain chain = new ConsentChain(
				List.of(List.of(source("onetrust", Map.of("analytics", ConsentState.UNSPECIFIED)),
						source("cookiebot", Map.of("analytics", ConsentState.GRANTED)))),
				PURPOSES);
		ConsentDecision decision = chain.resolve(this.request);
		assertThat(decision.state("analytics")).isEqualTo(ConsentState.GRANTED);
		assertThat(decision.source()).isEqualTo("cookiebot");
	}

	@Test
	void peersOnlyStatePurposesAnEarlierLinkLeftOpen() {
		ConsentChain chain = new ConsentChain(List.of(List.of(source("header", Map.of("analytics", ConsentState.GRANTED))),
				List.of(source("onetrust", Map.of("analytics", ConsentState.DENIED, "ads", ConsentState.GRANTED)),
						source("cookiebot", Map.of("maps", ConsentState.GRANTED)))),
				PURPOSES);
		ConsentDecision decision = chain.resolve(this.request);
		assertThat(decision.source()).isEqualTo("header");
		assertThat(decision.state("analytics")).isEqualTo(ConsentState.GRANTED);
		assertThat(decision.state("ads")).isEqualTo(ConsentState.GRANTED);
		assertThat(decision.state("maps")).isEqualTo(ConsentState.GRANTED);
	}

	@Test
	void peersThatStateNothingLeaveTheDecisionToTheNextLink() {
		ConsentChain chain = new ConsentChain(List.of(
				List.of(source("onetrust", Map.of()), source("cookiebot", Map.of("video", ConsentState.GRANTED))),
				List.of(source("cookie", Map.of("ads", ConsentState.DENIED)))), PURPOSES);
		ConsentDecision decision = chain.resolve(this.request);
		assertThat(decision.source()).isEqualTo("cookie");
		assertThat(decision.state("ads")).isEqualTo(ConsentState.DENIED);
		assertThat(decision.purposes()).doesNotContainKey("video");
		assertThat(this.asked).containsExactly("onetrust", "cookiebot", "cookie");
	}

	private ConsentSource source(String name, Map<String, ConsentState> states) {
		return new ConsentSource() {

			@Override
			public String name() {
				return name;
			}

			@Override
			public Map<String, ConsentState> states(ConsentRequest request) {
				ConsentChainOrderTests.this.asked.add(name);
				return states;
			}

		};
	}

	// Each source a link of its own, as the starter's sources are but for the platforms' group
	private static ConsentChain chainOf(ConsentSource... sources) {
		List<List<ConsentSource>> links = new ArrayList<>();
		for (ConsentSource source : sources) {
			links.add(List.of(source));
		}
		return new ConsentChain(links, PURPOSES);
	}

}
