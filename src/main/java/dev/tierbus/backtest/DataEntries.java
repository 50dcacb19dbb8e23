package dev.tierbus.backtest;

import dev.tierbus.topology.TopologyValidator;
import dev.tierbus.trading.TradingContainers;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code data} container entries of a topology file as written, with their key paths, so
 * that what a backtest refuses or warns about is named where it is in the file. Entries are
 * the file's labels, {@code containers[i]} and {@code sub_containers[i]}; annotations
 * ({@code x-...}, which may hold YAML anchors of entries) are not entries.
 */
final class DataEntries {

  /** One {@code data} entry: where it is and what it says (the JSON object of the file, not a copy). */
  record Entry(String path, JsonObject json) {

    /** A parameter's value, given in the entry or in its {@code params} block; null when absent. */
    Object param(String key) {
      JsonObject params = json.getValue("params") instanceof JsonObject p ? p : null;
      return params != null && params.containsKey(key) ? params.getValue(key) : json.getValue(key);
    }

    /** Where a parameter is (or would go) in the file. */
    String pathOf(String key) {
      JsonObject params = json.getValue("params") instanceof JsonObject p ? p : null;
      return path + (params != null && params.containsKey(key) ? ".params." : ".") + key;
    }
  }

  private DataEntries() {}

  /** Every {@code data} entry of {@code file}, depth first in file order. */
  static List<Entry> in(JsonObject file) {
    List<Entry> out = new ArrayList<>();
    for (String key : file.fieldNames()) {
      Object value = file.getValue(key);
      if (key.equals("containers") && value instanceof JsonArray list) {
        entries(list, "containers", out);
      } else if (!TopologyValidator.RESERVED_KEYS.contains(key) && !key.startsWith(TopologyValidator.EXTENSION_PREFIX)
          && value instanceof JsonObject entry) {
        entry(entry, key, out);
      }
    }
    return out;
  }

  private static void entry(JsonObject entry, String path, List<Entry> out) {
    if (TradingContainers.DATA.equals(entry.getValue("container_type"))) {
      out.add(new Entry(path, entry));
    }
    if (entry.getValue("sub_containers") instanceof JsonArray children) {
      entries(children, path + ".sub_containers", out);
    }
  }

  private static void entries(JsonArray list, String path, List<Entry> out) {
    for (int i = 0; i < list.size(); i++) {
      if (list.getValue(i) instanceof JsonObject child) {
        entry(child, path + "[" + i + "]", out);
      }
    }
  }
}
