package dev.cxp.benchmarks.user;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The user-shaped application's two pages, {@code /} and {@code /about}: the same page of about 1 KB,
 * written by Spring MVC's string converter, that takes nothing from the visitor, so every variant does the
 * same work for them.
 *
 * @since 0.2.0
 */
@Controller
public class UserPagesController {

	private static final String PAGE = page();

	@GetMapping(path = "/", produces = MediaType.TEXT_HTML_VALUE)
	@ResponseBody
	String home() {
		return PAGE;
	}

	@GetMapping(path = "/about", produces = MediaType.TEXT_HTML_VALUE)
	@ResponseBody
	String about() {
		return PAGE;
	}

	private static String page() {
		StringBuilder page = new StringBuilder("""
				<!DOCTYPE html>
				<html lang="en">
				<head>
				<meta charset="utf-8">
				<meta name="viewport" content="width=device-width, initial-scale=1">
				<title>Example store</title>
				<link rel="stylesheet" href="/css/site.css">
				</head>
				<body>
				<header><nav><a href="/">Home</a> <a href="/about">About</a></nav></header>
				<main>
				""");
		for (int i = 1; i <= 8; i++) {
			page.append("<p>Paragraph ").append(i)
				.append(" of a page that looks the same to every visitor and changes nothing.</p>\n");
		}
		page.append("""
				</main>
				<footer><p>Example store, a page of about one kilobyte.</p></footer>
				</body>
				</html>
				""");
		return page.toString();
	}

}
