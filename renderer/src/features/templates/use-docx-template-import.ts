// One municipal .docx on its way to a template revision: the core's preview kept current as the planner edits the
// form and the matching, the steps the core reports while it works, and saving.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Input } from '@shared/contract';
import type { ImportPhase, TemplateDocxPreview, TemplateDocxSaved } from '@shared/schemas/template-import';
import { errorText, onEvent, request } from '../../api/client';
import { bytesToBase64, type PickedFile } from '../../api/files';

export interface ImportForm {
  /** The template revised, or null for a new template. */
  templateId: string | null;
  revisionYear: number;
  revision: string;
  title: string;
  issuer: string;
}

/** The planner's matching by clause index: a previous clause id, or null for a new clause. */
export type Decisions = Record<number, string | null>;

/** 'send' until the core says it has started reading (the request itself carries the whole file). */
export type ImportStep = { phase: 'send' | ImportPhase; count?: number };

// Typing in the form waits this long before asking for a new preview.
const SETTLE_MS = 300;

export function useDocxTemplateImport(file: PickedFile) {
  const dataBase64 = useMemo(() => bytesToBase64(file.bytes), [file]);
  const [progressId] = useState(() => `imp-${Date.now().toString(36)}`);
  const [form, setForm] = useState<ImportForm | null>(null);
  const [decisions, setDecisions] = useState<Decisions>({});
  const [preview, setPreview] = useState<TemplateDocxPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [saving, setSaving] = useState(false);
  const [step, setStep] = useState<ImportStep>({ phase: 'send' });
  // The form the first preview proposed needs no second preview of its own.
  const proposedForm = useRef<ImportForm | null>(null);

  useEffect(() => onEvent('import.progress', (e) => e.progressId === progressId && setStep({ phase: e.phase, count: e.count })), [progressId]);

  const input = (f: ImportForm | null, d: Decisions): Input<'template.import-docx-preview'> => ({
    fileName: file.name,
    dataBase64,
    progressId,
    ...(f ? { templateId: f.templateId, revisionYear: f.revisionYear, revision: f.revision.trim() || undefined, title: f.title, issuer: f.issuer } : {}),
    decisions: Object.entries(d).map(([index, match]) => ({ index: Number(index), match })),
  });

  useEffect(() => {
    if (form && form === proposedForm.current && Object.keys(decisions).length === 0) return;
    let live = true;
    const timer = setTimeout(
      async () => {
        setLoading(true);
        setStep({ phase: 'send' });
        try {
          const p = await request('template.import-docx-preview', input(form, decisions));
          if (!live) return;
          setPreview(p);
          setError(null);
          if (!form) {
            const proposed = { templateId: p.templateId, revisionYear: p.meta.revisionYear, revision: p.meta.revision, title: p.meta.title, issuer: p.meta.issuer };
            proposedForm.current = proposed;
            setForm(proposed);
          }
        } catch (e) {
          if (live) setError(errorText(e));
        } finally {
          if (live) setLoading(false);
        }
      },
      form ? SETTLE_MS : 0,
    );
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // `input` reads only what is listed here and the file, which never changes for one import.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [form, decisions]);

  const edit = (patch: Partial<ImportForm>) => {
    if (!form) return;
    // Another template means another matching: the review starts again from the core's proposal.
    if (patch.templateId !== undefined && patch.templateId !== form.templateId) setDecisions({});
    // The label follows the year while the planner has not named it otherwise.
    const follows = patch.revisionYear !== undefined && form.revision === String(form.revisionYear);
    setForm({ ...form, ...patch, ...(follows ? { revision: String(patch.revisionYear) } : {}) });
  };

  const match = (index: number, previousId: string | null) => setDecisions((d) => ({ ...d, [index]: previousId }));

  const save = async (): Promise<TemplateDocxSaved> => {
    setSaving(true);
    setStep({ phase: 'send' });
    try {
      return await request('template.import-docx-apply', input(form, decisions));
    } finally {
      setSaving(false);
    }
  };

  return { form, edit, decisions, match, preview, error, loading, saving, step, save };
}
