package dev.cxp.benchmarks.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.Arrays;

import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

import com.sun.management.ThreadMXBean;
import com.sun.tools.attach.AgentLoadException;
import com.sun.tools.attach.AgentInitializationException;
import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;

/**
 * Looks into a server JVM from outside, through the JDK's attach mechanism: the bytes its threads have
 * allocated so far (over JMX, through the local management agent it starts on first use) and, for
 * profiling, loading a native agent such as async-profiler with a command.
 *
 * @since 0.2.0
 */
final class ServerProbe implements AutoCloseable {

	private final long pid;

	private final JMXConnector connector;

	private final ThreadMXBean threads;

	private ServerProbe(long pid, JMXConnector connector, ThreadMXBean threads) {
		this.pid = pid;
		this.connector = connector;
		this.threads = threads;
	}

	static ServerProbe attach(long pid) throws IOException {
		VirtualMachine vm = attachTo(pid);
		String address;
		try {
			address = vm.startLocalManagementAgent();
		}
		finally {
			vm.detach();
		}
		JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(address));
		MBeanServerConnection connection = connector.getMBeanServerConnection();
		ThreadMXBean threads = ManagementFactory.newPlatformMXBeanProxy(connection,
				ManagementFactory.THREAD_MXBEAN_NAME, ThreadMXBean.class);
		return new ServerProbe(pid, connector, threads);
	}

	/**
	 * The bytes allocated so far by the server's live threads. A thread that ends between two readings
	 * takes its bytes with it; the server's request threads live as long as the server.
	 * @return the sum over live threads
	 * @throws IOException when the server cannot be reached
	 */
	long allocatedBytes() throws IOException {
		try {
			long[] bytes = this.threads.getThreadAllocatedBytes(this.threads.getAllThreadIds());
			return Arrays.stream(bytes).filter((value) -> value > 0).sum();
		}
		catch (RuntimeException ex) {
			throw new IOException("Could not read the allocated bytes of " + this.pid, ex);
		}
	}

	/**
	 * Load a native agent into the server with a command, as a profiler's launcher does.
	 * @param library the agent's shared library
	 * @param command the command to pass to it
	 * @throws IOException when the agent cannot be loaded or refuses the command
	 */
	void loadAgent(String library, String command) throws IOException {
		VirtualMachine vm = attachTo(this.pid);
		try {
			vm.loadAgentPath(library, command);
		}
		catch (AgentLoadException | AgentInitializationException ex) {
			throw new IOException("Agent command '" + command + "' failed in " + this.pid, ex);
		}
		finally {
			vm.detach();
		}
	}

	private static VirtualMachine attachTo(long pid) throws IOException {
		try {
			return VirtualMachine.attach(Long.toString(pid));
		}
		catch (AttachNotSupportedException ex) {
			throw new IOException("Cannot attach to " + pid, ex);
		}
	}

	@Override
	public void close() throws IOException {
		this.connector.close();
	}

}
