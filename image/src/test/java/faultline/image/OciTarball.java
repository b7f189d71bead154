package faultline.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * An OCI image layout tarball (what {@code jib:buildTar} writes with format OCI), read whole: the
 * index, the one manifest it names, the config, and every file of every layer. Only what the tests
 * ask about is kept of each file: its mode, its size and its SHA-256, plus the text of small files.
 */
final class OciTarball {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int TEXT_BYTES_MAX = 64 * 1024;

  /** One file, folder or link in a layer. */
  record Entry(String path, int mode, long size, String sha256, String text, boolean directory) {}

  /** One layer: its blob's digest, the digest of its uncompressed bytes, and its entries. */
  record Layer(String digest, String diffId, long compressedSize, Map<String, Entry> entries) {}

  final Map<String, byte[]> blobs = new LinkedHashMap<>();
  final JsonNode index;
  final JsonNode manifest;
  final JsonNode config;
  final List<Layer> layers = new ArrayList<>();

  OciTarball(Path tarball) throws IOException {
    Map<String, byte[]> files = readTar(Files.newInputStream(tarball));
    files.forEach(
        (name, bytes) -> {
          if (name.startsWith("blobs/sha256/")) {
            blobs.put("sha256:" + name.substring("blobs/sha256/".length()), bytes);
          }
        });
    index = json(required(files, "index.json"));
    manifest = json(blob(index.path("manifests").path(0).path("digest").asText()));
    config = json(blob(manifest.path("config").path("digest").asText()));
    for (JsonNode layer : manifest.path("layers")) {
      String digest = layer.path("digest").asText();
      byte[] uncompressed =
          new GZIPInputStream(new ByteArrayInputStream(blob(digest))).readAllBytes();
      layers.add(
          new Layer(
              digest,
              "sha256:" + sha256(uncompressed),
              layer.path("size").asLong(),
              entries(uncompressed)));
    }
  }

  byte[] blob(String digest) {
    byte[] bytes = blobs.get(digest);
    if (bytes == null) {
      throw new IllegalStateException("the tarball has no blob " + digest);
    }
    return bytes;
  }

  /** The entry at {@code path} (no leading slash) as the container sees it: the top layer wins. */
  Entry file(String path) {
    for (int i = layers.size() - 1; i >= 0; i--) {
      Entry entry = layers.get(i).entries().get(path);
      if (entry != null) {
        return entry;
      }
    }
    return null;
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  private static Map<String, Entry> entries(byte[] layerTar) throws IOException {
    Map<String, Entry> entries = new TreeMap<>();
    try (TarArchiveInputStream tar =
        new TarArchiveInputStream(new ByteArrayInputStream(layerTar))) {
      for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
        String path = normalize(entry.getName());
        byte[] bytes = entry.isFile() ? tar.readAllBytes() : new byte[0];
        String text = bytes.length <= TEXT_BYTES_MAX ? new String(bytes) : null;
        entries.put(
            path,
            new Entry(
                path,
                entry.getMode() & 07777,
                bytes.length,
                sha256(bytes),
                text,
                entry.isDirectory()));
      }
    }
    return entries;
  }

  private static Map<String, byte[]> readTar(InputStream in) throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    try (TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
      for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
        if (entry.isFile()) {
          files.put(normalize(entry.getName()), tar.readAllBytes());
        }
      }
    }
    return files;
  }

  private static String normalize(String name) {
    String path = name.startsWith("./") ? name.substring(2) : name;
    path = path.startsWith("/") ? path.substring(1) : path;
    return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  private static byte[] required(Map<String, byte[]> files, String name) {
    byte[] bytes = files.get(name);
    if (bytes == null) {
      throw new IllegalStateException("not an OCI image layout: no " + name + " in the tarball");
    }
    return bytes;
  }

  private static JsonNode json(byte[] bytes) throws IOException {
    return JSON.readTree(bytes);
  }
}
