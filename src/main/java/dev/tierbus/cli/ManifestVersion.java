package dev.tierbus.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the version the jar's manifest carries, and the Java it runs on. */
final class ManifestVersion implements IVersionProvider {

  @Override
  public String[] getVersion() {
    String version = ManifestVersion.class.getPackage().getImplementationVersion();
    return new String[] {
        "tierbus " + (version == null ? "(development build: the version is known in the jar only)" : version),
        "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"};
  }
}
