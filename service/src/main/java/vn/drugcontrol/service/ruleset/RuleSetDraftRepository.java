package vn.drugcontrol.service.ruleset;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Drafts and their files (V13). */
@Repository
class RuleSetDraftRepository {

	private final JdbcClient jdbc;

	RuleSetDraftRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(long parentVersionId, String author, Instant at, List<BundleFile> files) {
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO rule_set_draft (parent_version_id, author, created_at, updated_at, updated_by)
				VALUES (:parent, :author, :at, :at, :author)
				""")
			.param("parent", parentVersionId)
			.param("author", author)
			.param("at", Timestamp.from(at))
			.update(key, "id");
		long id = key.getKey().longValue();
		files.forEach(f -> putFile(id, f));
		return id;
	}

	Optional<RuleSetDraft> find(long id) {
		List<BundleFile> files = jdbc
			.sql("SELECT path, kind, content FROM rule_set_draft_file WHERE draft_id = :id ORDER BY path")
			.param("id", id)
			.query((rs, n) -> new BundleFile(rs.getString("path"), BundleFile.Kind.valueOf(rs.getString("kind")),
					rs.getBytes("content")))
			.list();
		return jdbc.sql("""
				SELECT id, parent_version_id, author, created_at, updated_at, updated_by, published_version_id
				FROM rule_set_draft WHERE id = :id
				""")
			.param("id", id)
			.query((rs, n) -> new RuleSetDraft(rs.getLong("id"), rs.getLong("parent_version_id"),
					rs.getString("author"), instant(rs, "created_at"), instant(rs, "updated_at"),
					rs.getString("updated_by"), (Long) rs.getObject("published_version_id", Long.class), files))
			.optional();
	}

	/**
	 * Drafts, newest change first: of one version, or (null) every draft not published.
	 */
	List<RuleSetDraft.Summary> search(Long parentVersionId) {
		String where = parentVersionId == null ? "d.published_version_id IS NULL" : "d.parent_version_id = :parent";
		JdbcClient.StatementSpec query = jdbc.sql("""
				SELECT d.id, d.parent_version_id, v.name, d.author, d.updated_at, d.updated_by, d.published_version_id
				FROM rule_set_draft d JOIN rule_set_version v ON v.id = d.parent_version_id
				WHERE %s
				ORDER BY d.updated_at DESC, d.id DESC
				""".formatted(where));
		if (parentVersionId != null) {
			query = query.param("parent", parentVersionId);
		}
		return query
			.query((rs, n) -> new RuleSetDraft.Summary(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
					instant(rs, "updated_at"), rs.getString(6), (Long) rs.getObject(7, Long.class)))
			.list();
	}

	void putFile(long id, BundleFile file) {
		jdbc.sql("DELETE FROM rule_set_draft_file WHERE draft_id = :id AND path = :path")
			.param("id", id)
			.param("path", file.path())
			.update();
		jdbc.sql("INSERT INTO rule_set_draft_file (draft_id, path, kind, content) VALUES (:id, :path, :kind, :content)")
			.param("id", id)
			.param("path", file.path())
			.param("kind", file.kind().name())
			.param("content", file.content())
			.update();
	}

	void deleteFile(long id, String path) {
		jdbc.sql("DELETE FROM rule_set_draft_file WHERE draft_id = :id AND path = :path")
			.param("id", id)
			.param("path", path)
			.update();
	}

	void touch(long id, String who, Instant at) {
		jdbc.sql("UPDATE rule_set_draft SET updated_at = :at, updated_by = :who WHERE id = :id")
			.param("at", Timestamp.from(at))
			.param("who", who)
			.param("id", id)
			.update();
	}

	/** Marks a draft published, once: false when it already was. */
	boolean markPublished(long id, long versionId) {
		return jdbc.sql(
				"UPDATE rule_set_draft SET published_version_id = :version WHERE id = :id AND published_version_id IS NULL")
			.param("version", versionId)
			.param("id", id)
			.update() == 1;
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

}
