package dev.tierbus.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tierbus.topology.TestTypes;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/**
 * What the command line offers beyond running commands: suggestions for a misspelled command or
 * option, help for each command, the version, and the shell completion script.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CommandLineTest {

  private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
  private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();

  private int cli(String... args) {
    return TierbusCli.execute(args, new PrintStream(outBytes, true, StandardCharsets.UTF_8),
        new PrintStream(errBytes, true, StandardCharsets.UTF_8), TestTypes.registry());
  }

  private String out() {
    return outBytes.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return errBytes.toString(StandardCharsets.UTF_8);
  }

  /** The topology file {@code args} name, parsed only: nothing runs. */
  private String topology(String... args) {
    CommandLine commandLine = TierbusCli.commandLine(new CommandContext(TestTypes.registry(),
        new PrintStream(outBytes, true, StandardCharsets.UTF_8), new PrintStream(errBytes, true, StandardCharsets.UTF_8),
        false));
    commandLine.parseArgs(args);
    return commandLine.<TierbusCommand>getCommand().topology();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"runn, run", "bactest, backtest", "valdate, validate"})
  void aMisspelledCommandGetsASuggestionAndExit2(String typed, String meant) {
    assertThat(cli(typed)).isEqualTo(TierbusCli.EXIT_USAGE);
    assertThat(err()).startsWith("tierbus: unknown command '" + typed + "'")
        .contains("Did you mean: tierbus " + meant, "Usage:");
    assertThat(out()).isEmpty();
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"validate, --topolgy, --topology", "run, --htp-port, --http-port", "backtest, --output, --out"})
  void aMisspelledOptionGetsASuggestionAndExit2(String command, String typed, String meant) {
    assertThat(cli(command, typed, "x")).isEqualTo(TierbusCli.EXIT_USAGE);
    assertThat(err()).startsWith("tierbus: unknown option '" + typed + "'").contains("Did you mean: " + meant);
    assertThat(out()).isEmpty();
  }

  @Test
  void anEmptyFileNameIsRefused() {
    assertThat(cli("backtest", "--out=")).isEqualTo(TierbusCli.EXIT_USAGE);
    assertThat(err()).startsWith("tierbus: --out needs a directory");
  }

  @Test
  void theTopologyMayBeNamedBeforeOrAfterTheCommandAndTheLastWins() {
    assertThat(topology("validate", "-t", "a.yaml")).isEqualTo("a.yaml");
    assertThat(topology("-t", "a.yaml", "validate")).isEqualTo("a.yaml");
    assertThat(topology("-t", "a.yaml", "validate", "--topology=b.yaml")).isEqualTo("b.yaml");
  }

  @Test
  void theTopLevelHelpNamesEveryCommandAndTheExitStatus() {
    assertThat(cli("-h")).isZero();
    assertThat(out()).contains("Usage: java -jar tierbus.jar <command> [options]", "run", "backtest", "validate",
        "generate-completion", "-t, --topology=FILE", "default: verticles.yaml", "Exit status:",
        "2   bad arguments or a bad topology file");
    assertThat(err()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      run      | --http-port=PORT
      backtest | --data=FILE
      backtest | --out=DIR
      backtest | default: backtest-report
      validate | deploys nothing
      """)
  void eachCommandHasItsHelp(String command, String expected) {
    assertThat(cli(command, "--help")).isZero();
    assertThat(out()).startsWith("Usage: tierbus " + command).contains(expected, "-t, --topology=FILE", "-h, --help",
        "Exit status:");
  }

  @Test
  void versionPrintsTheVersion() {
    assertThat(cli("--version")).isZero();
    assertThat(out()).startsWith("tierbus ").contains("Java " + System.getProperty("java.version"));
  }

  @Test
  void theCompletionScriptNamesTheCommandsAndTheirOptions() {
    assertThat(cli("generate-completion")).isZero();
    assertThat(out()).contains("complete -F _complete_tierbus", "local commands=\"run backtest validate",
        "'--topology'", "'--http-port'", "'--data'", "'--out'");
    assertThat(err()).isEmpty();
  }

  @Test
  void theCompletionScriptCompletesInBash(@TempDir Path dir) throws Exception {
    Path bash = Path.of("/bin/bash");
    assumeTrue(Files.isExecutable(bash), "bash is installed");
    assertThat(cli("generate-completion")).isZero();
    Path script = Files.writeString(dir.resolve("tierbus.bash"), out());
    assertThat(complete(bash, script, "tierbus", "ba")).isEqualTo("backtest");
    assertThat(complete(bash, script, "tierbus", "run", "--h")).isEqualTo("--help --http-port");
    assertThat(complete(bash, script, "tierbus", "backtest", "--")).contains("--data", "--out", "--topology");
  }

  /** What bash offers for the last of {@code words}, with the script sourced. */
  private static String complete(Path bash, Path script, String... words) throws Exception {
    // compopt works only inside a real completion; a no-op stands in for it here
    String call = "compopt() { :; }; source '" + script + "'; COMP_WORDS=(" + quoted(words) + "); COMP_CWORD="
        + (words.length - 1) + "; _complete_tierbus; echo \"${COMPREPLY[*]}\"";
    Process p = new ProcessBuilder(bash.toString(), "-c", call).redirectErrorStream(true).start();
    String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
    return said;
  }

  private static String quoted(String... words) {
    StringBuilder sb = new StringBuilder();
    for (String w : words) {
      sb.append(" '").append(w).append('\'');
    }
    return sb.toString().trim();
  }
}
