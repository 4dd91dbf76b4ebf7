// Word export channels: documents leave as GB/T 9704 .docx bytes; the shell saves them.
import { localDate } from '../clock';
import { getPlanDocument, getPlanRow } from '../db/repos/plan-repo';
import { getProfile } from '../db/repos/profile-repo';
import { getVersion, history } from '../db/repos/revision-repo';
import { exportPlanDocx } from '../export/plan-docx';
import type { Handlers } from './types';

/** File names default to the document title and date; characters Windows refuses are replaced. */
export function exportFileName(title: string, date: string, extension = 'docx'): string {
  // eslint-disable-next-line no-control-regex -- control characters are not allowed in file names
  return `${title.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_')}_${date.replaceAll('-', '')}.${extension}`;
}

export const exportHandlers: Handlers<'plan.export-docx'> = {
  'plan.export-docx': async (input, ctx) => {
    const db = ctx.store.get();
    const row = getPlanRow(db, input.id);
    const version = input.versionId ? getVersion(db, input.id, input.versionId) : null;
    const doc = version ? version.doc : getPlanDocument(db, row);
    const status = version ? version.info.status : row.status;
    const profile = getProfile(db);
    const date = row.published_date ?? localDate(ctx.clock.now());
    const revisionRecord = input.revisionRecord === false ? [] : history(db, input.id).revisionRecord;
    const bytes = await exportPlanDocx({
      title: version ? version.info.title : row.title,
      doc,
      status,
      issuer: profile.governmentName ? `${profile.governmentName}办公室` : undefined,
      date,
      revisionRecord,
      toc: input.toc ?? false,
    });
    return { fileName: exportFileName(row.title, date), dataBase64: bytes.toString('base64') };
  },
};
