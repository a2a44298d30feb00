package vn.drugcontrol.benchmark;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import vn.drugcontrol.rules.commune.CommuneFacts;
import vn.drugcontrol.rules.crosscheck.BaselineClassifier;
import vn.drugcontrol.rules.engine.RuleSet;
import vn.drugcontrol.rules.engine.ShippedRuleSets;

/**
 * The shipped default rule set against the plain-Java baseline of the rules' cross-check,
 * on the same communes in the same JVM, on one core: one operation classifies all of
 * them. Drools is called with {@code sessionSize} communes at a time; at the default,
 * 100, each call is one session, as the facade cuts every batch (a larger batch would run
 * its sessions on all cores, which a per-core comparison must not). The baseline decides
 * the class and the criteria met, but builds no evidence text.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = { "-Xms2g", "-Xmx2g" })
public class ClassificationBenchmark {

	@Param("100000")
	public int communes;

	@Param("100")
	public int sessionSize;

	private List<CommuneFacts> facts;

	private List<List<CommuneFacts>> sessions;

	private RuleSet rules;

	@Setup(Level.Trial)
	public void generate() {
		facts = Communes.generate(communes);
		sessions = Communes.chunks(facts, sessionSize);
		rules = ShippedRuleSets.defaultReading();
	}

	@Benchmark
	public void drools(Blackhole sink) {
		for (List<CommuneFacts> session : sessions) {
			sink.consume(rules.classify(session));
		}
	}

	@Benchmark
	public void plainJava(Blackhole sink) {
		for (CommuneFacts commune : facts) {
			sink.consume(BaselineClassifier.classify(commune));
		}
	}

}
