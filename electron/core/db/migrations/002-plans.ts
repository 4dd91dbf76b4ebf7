// 002: district plans and their sections (one row per section, grouped into chapters for O(chapter) saves).
import type { Migration } from './types';

export const m002: Migration = {
  version: 2,
  name: 'plans',
  up(db) {
    db.exec(`
      CREATE TABLE plans (
        id TEXT PRIMARY KEY,
        code TEXT NOT NULL DEFAULT '',
        title TEXT NOT NULL,
        hazard TEXT NOT NULL DEFAULT '',
        category TEXT NOT NULL DEFAULT '',
        lead_unit TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT 'draft'
          CHECK (status IN ('draft', 'consultation', 'review', 'published', 'abolished')),
        template_id TEXT,
        template_revision TEXT,
        numbering TEXT NOT NULL DEFAULT 'decimal' CHECK (numbering IN ('official', 'decimal')),
        placeholders_json TEXT NOT NULL DEFAULT '[]',
        chapters_json TEXT NOT NULL DEFAULT '[]',
        published_date TEXT,
        next_review_date TEXT,
        archived_at TEXT,
        cursor_section_id TEXT,
        char_count INTEGER NOT NULL DEFAULT 0,
        unfilled_json TEXT NOT NULL DEFAULT '[]',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE plan_sections (
        plan_id TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
        id TEXT NOT NULL,
        chapter_id TEXT NOT NULL,
        ord INTEGER NOT NULL,
        level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 4),
        kind TEXT NOT NULL CHECK (kind IN ('body', 'annex')),
        title TEXT NOT NULL,
        body_json TEXT NOT NULL,
        lineage_json TEXT,
        char_count INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (plan_id, id)
      );
      CREATE INDEX plan_sections_chapter ON plan_sections (plan_id, chapter_id, ord);
      CREATE INDEX plans_template ON plans (template_id, template_revision);
    `);
  },
};
