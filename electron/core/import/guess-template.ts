// What a municipal plan's title says: which template it revises, its revision year, its hazard and category.
import type { HazardCategory, TemplateRevision } from '../../shared/schemas/template';
import { similarity } from '../domain/revisions/inline-diff';

const norm = (s: string) => s.replace(/[\s\u3000]/g, '');
const YEAR = /((?:19|20)\d{2})\s*年/;
/** A trailing （2025年修订） or (2025年版) after the title. */
const REVISION_NOTE = /[\s\u3000]*[（(][^（()）]*(?:19|20)\d{2}[^（()）]*[)）]$/;
/** A title close enough to a template's title, when the hazard itself is not named. */
const TITLE_SIMILARITY = 0.6;

export function cleanTitle(title: string): string {
  return title.trim().replace(REVISION_NOTE, '').trim();
}

export function guessYear(title: string, fallback: number): number {
  const m = YEAR.exec(title);
  return m ? Number(m[1]) : fallback;
}

/** The template id among the newest revision of each template, or null when none fits. */
export function guessTemplate(title: string, heads: readonly TemplateRevision[]): string | null {
  const t = norm(cleanTitle(title));
  if (!t) return null;
  let best: { id: string; score: number } | null = null;
  for (const h of heads) {
    // 地震灾害 is named 地震 in 市地震应急预案: the hazard counts without a trailing 灾害.
    const hazard = norm(h.meta.hazard);
    const named = hazard && (t.includes(hazard) || t.includes(hazard.replace(/灾害$/, ''))) ? 1 : 0;
    const score = named + similarity(t, norm(h.meta.title));
    if (score > (best?.score ?? 0)) best = { id: h.meta.id, score };
  }
  return best && best.score >= TITLE_SIMILARITY ? best.id : null;
}

/** 市城市供水突发事件应急预案 → 城市供水突发事件: the place and 应急预案 taken off. */
export function hazardOf(title: string): string {
  const core = cleanTitle(title)
    .replace(/^[\u4e00-\u9fff]{0,8}?[省市](?=[\u4e00-\u9fff]{2})/, '')
    .replace(/(专项)?应急预案$/, '');
  return core || cleanTitle(title) || '未分类';
}

const CATEGORY_WORDS: [RegExp, HazardCategory][] = [
  [/卫生|疫情|传染病|食品|药品|中毒/, '公共卫生事件'],
  [/社会安全|群体性|恐怖|涉外|网络安全|金融/, '社会安全事件'],
  [/事故|安全生产|危险化学品|交通|供水|供电|燃气|停电|建筑|矿山|(?<!森林|草原)火灾/, '事故灾难'],
];

export function categoryOf(title: string): HazardCategory {
  return CATEGORY_WORDS.find(([re]) => re.test(title))?.[1] ?? '自然灾害';
}
