package dev.tierbus.topology.impl;

import dev.tierbus.topology.TopologyValidator;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Edits of a topology file's parsed content (its {@code source}), so that a change to the
 * running containers can be checked exactly as the file is: apply the edit to a copy, then
 * validate the whole copy.
 *
 * <p>Container entries are found where the validator reads them: top-level labels (the id
 * defaults to the label), the {@code containers} list, and {@code sub_containers} lists at any
 * depth. Every method works on the object it is given; callers pass a copy.
 */
public final class SourceEdits {

  /**
   * Where one container entry is.
   *
   * @param path its key path, as the validator reports it
   * @param entry the entry itself
   * @param list the list holding it, or null for a top-level label
   * @param index its index in {@code list}, or -1
   * @param label its top-level key, or null
   */
  public record Location(String path, JsonObject entry, JsonArray list, int index, String label) {}

  private SourceEdits() {}

  /** The entry of the container {@code id}, or null. */
  public static Location find(JsonObject source, String id) {
    for (String key : new ArrayList<>(source.fieldNames())) {
      Object v = source.getValue(key);
      if (key.equals("containers") && v instanceof JsonArray list) {
        Location l = findIn(list, "containers", id);
        if (l != null) {
          return l;
        }
      } else if (!TopologyValidator.RESERVED_KEYS.contains(key) && !key.startsWith(TopologyValidator.EXTENSION_PREFIX)
          && v instanceof JsonObject entry && entry.containsKey("container_type")) {
        if (id.equals(idOf(entry, key))) {
          return new Location(key, entry, null, -1, key);
        }
        Location l = findInChildren(entry, key, id);
        if (l != null) {
          return l;
        }
      }
    }
    return null;
  }

  private static Location findIn(JsonArray list, String path, String id) {
    for (int i = 0; i < list.size(); i++) {
      if (list.getValue(i) instanceof JsonObject entry) {
        String at = path + "[" + i + "]";
        if (id.equals(idOf(entry, null))) {
          return new Location(at, entry, list, i, null);
        }
        Location l = findInChildren(entry, at, id);
        if (l != null) {
          return l;
        }
      }
    }
    return null;
  }

  private static Location findInChildren(JsonObject entry, String path, String id) {
    return entry.getValue("sub_containers") instanceof JsonArray children
        ? findIn(children, path + ".sub_containers", id)
        : null;
  }

  private static String idOf(JsonObject entry, String label) {
    return entry.getValue("container_id") instanceof String s ? s : label;
  }

  /**
   * Adds a top-level entry under the label {@code id} (or, when that key is taken, at the end
   * of {@code containers}) and, when {@code node} is given and the file assigns containers to
   * nodes, lists it under that node.
   *
   * @return the new entry's path
   */
  public static String addTopLevel(JsonObject source, String id, JsonObject entry, String node) {
    String path;
    if (!source.containsKey(id) && !TopologyValidator.RESERVED_KEYS.contains(id)
        && !id.startsWith(TopologyValidator.EXTENSION_PREFIX)) {
      source.put(id, entry);
      path = id;
    } else {
      JsonArray list = source.getValue("containers") instanceof JsonArray a ? a : new JsonArray();
      source.put("containers", list);
      list.add(entry);
      path = "containers[" + (list.size() - 1) + "]";
    }
    if (node != null && source.getValue("deployment") instanceof JsonObject d && d.getValue("nodes") instanceof JsonArray nodes) {
      for (int i = 0; i < nodes.size(); i++) {
        if (nodes.getValue(i) instanceof JsonObject n && node.equals(n.getValue("name"))) {
          JsonArray ids = n.getValue("containers") instanceof JsonArray a ? a : new JsonArray();
          n.put("containers", ids.add(id));
        }
      }
    }
    return path;
  }

  /**
   * Adds {@code entry} at the end of the parent's {@code sub_containers}.
   *
   * @return the new entry's path
   */
  public static String addChild(Location parent, JsonObject entry) {
    JsonArray children = parent.entry().getValue("sub_containers") instanceof JsonArray a ? a : new JsonArray();
    parent.entry().put("sub_containers", children);
    children.add(entry);
    return parent.path() + ".sub_containers[" + (children.size() - 1) + "]";
  }

  /**
   * Puts {@code entry} in place of the one at {@code at} (keeping its label).
   *
   * @return the entry's path
   */
  public static String replace(JsonObject source, Location at, JsonObject entry) {
    if (at.list() != null) {
      at.list().set(at.index(), entry);
    } else {
      source.put(at.label(), entry);
    }
    return at.path();
  }

  /** Removes the entry at {@code at} and every mention of its id in {@code deployment.nodes}. */
  public static void remove(JsonObject source, Location at, String id) {
    if (at.list() != null) {
      at.list().remove(at.index());
    } else {
      source.remove(at.label());
    }
    if (source.getValue("deployment") instanceof JsonObject d && d.getValue("nodes") instanceof JsonArray nodes) {
      for (Object n : nodes) {
        if (n instanceof JsonObject node && node.getValue("containers") instanceof JsonArray ids) {
          List<Object> kept = new ArrayList<>(ids.getList());
          kept.removeIf(id::equals);
          node.put("containers", new JsonArray(kept));
        }
      }
    }
  }
}
