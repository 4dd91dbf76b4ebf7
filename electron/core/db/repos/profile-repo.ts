// Reads and writes the district profile and its departments (one transaction per save).
import type Database from 'better-sqlite3';
import type { Department, DistrictProfile } from '../../../shared/schemas/profile';

interface ProfileRow {
  district_name: string;
  government_name: string;
  emergency_bureau: string;
}

const EMPTY: DistrictProfile = { districtName: '', governmentName: '', emergencyBureau: '', departments: [] };

export function getProfile(db: Database.Database): DistrictProfile {
  const row = db.prepare('SELECT district_name, government_name, emergency_bureau FROM district_profile WHERE id = 1').get() as ProfileRow | undefined;
  const departments = db.prepare('SELECT id, name, contact, title, phone, duty FROM departments ORDER BY sort').all() as Department[];
  if (!row) return { ...EMPTY, departments };
  return { districtName: row.district_name, governmentName: row.government_name, emergencyBureau: row.emergency_bureau, departments };
}

export function saveProfile(db: Database.Database, profile: DistrictProfile, now: Date): DistrictProfile {
  db.transaction(() => {
    db.prepare(
      `INSERT INTO district_profile (id, district_name, government_name, emergency_bureau, updated_at)
       VALUES (1, @districtName, @governmentName, @emergencyBureau, @updatedAt)
       ON CONFLICT(id) DO UPDATE SET district_name = excluded.district_name, government_name = excluded.government_name,
         emergency_bureau = excluded.emergency_bureau, updated_at = excluded.updated_at`,
    ).run({ ...profile, updatedAt: now.toISOString() });
    db.prepare('DELETE FROM departments').run();
    const insert = db.prepare('INSERT INTO departments (id, name, contact, title, phone, duty, sort) VALUES (@id, @name, @contact, @title, @phone, @duty, @sort)');
    profile.departments.forEach((d, sort) => insert.run({ ...d, sort }));
  })();
  return getProfile(db);
}
