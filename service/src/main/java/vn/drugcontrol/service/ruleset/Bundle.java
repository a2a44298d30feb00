package vn.drugcontrol.service.ruleset;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import vn.drugcontrol.rules.engine.CompileError;

/**
 * The files of an upload, by path: DRL files, the law's data and scenario tables, given
 * one by one or in zip archives (whose folders become the paths). Files of any other
 * kind, unsafe paths and a path given twice are problems of the bundle.
 * <p>
 * Bounded by what is inflated, never by the sizes an archive declares: each file at most
 * {@value #MAX_ENTRY_BYTES} bytes, the whole bundle at most {@value #MAX_BUNDLE_BYTES}
 * bytes, an archive at most {@value #MAX_ENTRIES} entries; past them reading stops with
 * {@link BundleTooLargeException} (413), and nothing is stored.
 */
public final class Bundle {

	static final long MAX_ENTRY_BYTES = 20L << 20;

	static final long MAX_BUNDLE_BYTES = 50L << 20;

	static final int MAX_ENTRIES = 1000;

	private long bytes;

	private final Map<String, BundleFile> files = new LinkedHashMap<>();

	private final List<CompileError> problems = new ArrayList<>();

	/** Adds an uploaded file; a zip archive adds its entries. */
	public Bundle add(String fileName, byte[] content) {
		String name = fileName == null ? "upload" : fileName;
		if (name.toLowerCase(Locale.ROOT).endsWith(".zip")) {
			unzip(name, content);
		}
		else {
			if (content.length > MAX_ENTRY_BYTES) {
				throw new BundleTooLargeException(name, name + " is larger than " + mb(MAX_ENTRY_BYTES)
						+ ", the most a file of a rule set may hold; nothing was stored");
			}
			count(name, name, content.length);
			put(name, content);
		}
		return this;
	}

	private void count(String archive, String path, long length) {
		bytes += length;
		if (bytes > MAX_BUNDLE_BYTES) {
			throw new BundleTooLargeException(path,
					"the bundle expands to more than " + mb(MAX_BUNDLE_BYTES) + " (reached at " + path
							+ (archive.equals(path) ? "" : " in " + archive) + "); nothing was stored");
		}
	}

	private static String mb(long bytes) {
		return (bytes >> 20) + " MB";
	}

	private void unzip(String archive, byte[] content) {
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content), StandardCharsets.UTF_8)) {
			ZipEntry entry;
			int entries = 0;
			while ((entry = zip.getNextEntry()) != null) {
				String path = entry.getName();
				if (++entries > MAX_ENTRIES) {
					throw new BundleTooLargeException(path, archive + " has more than " + MAX_ENTRIES
							+ " entries (stopped at " + path + "); nothing was stored");
				}
				if (entry.isDirectory() || ignored(path)) {
					continue;
				}
				// what is inflated counts, not the size the entry declares
				byte[] inflated = zip.readNBytes((int) MAX_ENTRY_BYTES + 1);
				if (inflated.length > MAX_ENTRY_BYTES) {
					throw new BundleTooLargeException(path, path + " in " + archive + " expands to more than "
							+ mb(MAX_ENTRY_BYTES) + ", the most a file of a rule set may hold; nothing was stored");
				}
				count(archive, path, inflated.length);
				put(path, inflated);
			}
		}
		catch (IOException ex) {
			problems.add(new CompileError(archive, 0, "is not a readable zip archive: " + ex.getMessage()));
		}
	}

	private void put(String rawPath, byte[] content) {
		String path = rawPath.replace('\\', '/');
		while (path.startsWith("./") || path.startsWith("/")) {
			path = path.substring(path.startsWith("/") ? 1 : 2);
		}
		if (path.isEmpty() || path.length() > 255 || List.of(path.split("/")).contains("..")) {
			problems.add(new CompileError(rawPath, 0, "is not a usable path in a bundle"));
			return;
		}
		BundleFile.Kind kind = BundleFile.kindOf(path);
		if (kind == null) {
			problems.add(new CompileError(path, 0,
					"is neither a DRL file (.drl), the law's data (law/clauses.csv, law/parameters.csv) nor a "
							+ "scenario table (.csv, .xlsx); remove it from the bundle"));
			return;
		}
		if (files.putIfAbsent(path, new BundleFile(path, kind, content)) != null) {
			problems.add(new CompileError(path, 0, "is given twice in the bundle"));
		}
	}

	/** Files an archiver adds by itself: folders' metadata, hidden files. */
	private static boolean ignored(String path) {
		String last = path.substring(path.lastIndexOf('/') + 1);
		return path.startsWith("__MACOSX/") || last.startsWith(".") || last.isEmpty();
	}

	/** Every file, in path order (the order the bundle is hashed and stored in). */
	public List<BundleFile> files() {
		return files.values().stream().sorted(Comparator.comparing(BundleFile::path)).toList();
	}

	/** What is wrong with the upload itself, before compiling anything. */
	public List<CompileError> problems() {
		List<CompileError> all = new ArrayList<>(problems);
		if (files.values().stream().noneMatch(f -> f.kind() == BundleFile.Kind.DRL)) {
			all.add(new CompileError("(bundle)", 0, "has no DRL file: a rule set needs at least one .drl file"));
		}
		return all;
	}

	/**
	 * Files as a zip archive, each under its path: what {@link #add} reads back as the
	 * same files (a version downloaded and uploaded again is the same bundle).
	 */
	public static byte[] zip(List<BundleFile> files) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
			for (BundleFile f : files.stream().sorted(Comparator.comparing(BundleFile::path)).toList()) {
				zip.putNextEntry(new ZipEntry(f.path()));
				zip.write(f.content());
				zip.closeEntry();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/** SHA-256 over every file's kind, path and bytes in path order. */
	public String hash() {
		return hash(null);
	}

	/**
	 * The identity of a version: its name and every file. The same files under another
	 * name are another version (with the same content hash).
	 */
	public String hash(String versionName) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			if (versionName != null) {
				sha.update(("name:" + versionName).getBytes(StandardCharsets.UTF_8));
				sha.update((byte) 0);
			}
			for (BundleFile f : files()) {
				sha.update((f.kind() + ":" + f.path()).getBytes(StandardCharsets.UTF_8));
				sha.update((byte) 0);
				sha.update(f.content());
				sha.update((byte) 0);
			}
			return HexFormat.of().formatHex(sha.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JVM", ex);
		}
	}

}
