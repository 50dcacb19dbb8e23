package dev.tierbus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import org.junit.jupiter.api.Test;

class ErrorTextTest {

  @Test
  void aRefusedPathIsSaidAsPermissionDeniedWithTheUser() {
    String text = ErrorText.describe(new IllegalStateException("recorder rec could not start",
        new AccessDeniedException("/app/logs")));
    assertThat(text).isEqualTo("recorder rec could not start\n  caused by: permission denied: /app/logs (running as"
        + " user " + System.getProperty("user.name") + "; make it writable for that user or choose another path)");
  }

  @Test
  void otherFileSystemRefusalsSayTheirReason() {
    assertThat(ErrorText.describe(new UncheckedIOException(new FileSystemException("/data/x", null,
        "Read-only file system")))).endsWith("caused by: read-only file system: /data/x");
  }

  @Test
  void aMessageRepeatedByItsCauseIsSaidOnce() {
    IOException io = new IOException("disk full");
    assertThat(ErrorText.describe(new UncheckedIOException(io.getMessage(), io))).isEqualTo("disk full");
  }
}
