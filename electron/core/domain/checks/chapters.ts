// The chapters every district 专项预案 must have (domain.md §1.3, §2.2), and finding them in a plan.
import type { PlanSection } from '../../../shared/doc-model';
import { clauseOf, plainTitle, subtree } from './outline';

export interface ChapterSpec {
  /** The template's top-level clause id, which lineage carries. */
  clauseId: string;
  name: string;
  /** How a level-1 heading of a plan without lineage (imported from Word) names this chapter. */
  title: RegExp;
  /** Chapters that may hold this one as a subsection instead, and how that subsection is titled. */
  hostedIn?: { chapters: string[]; title: RegExp };
  /** What the chapter should contain, for the message that asks for it. */
  needs: string;
}

export const REQUIRED_CHAPTERS: readonly ChapterSpec[] = [
  { clauseId: 'general', name: '总则', title: /总则/, needs: '编制目的、编制依据、适用范围、工作原则和事件分级等内容' },
  {
    clauseId: 'organization',
    name: '组织指挥体系及职责',
    title: /组织指挥|组织机构|组织体系|指挥体系|指挥机构/,
    needs: '指挥部、指挥部办公室、成员单位职责和现场工作组等内容',
  },
  { clauseId: 'warning', name: '监测预警', title: /监测|预警/, needs: '风险监测、预警分级、预警发布与解除和预警响应措施等内容' },
  {
    clauseId: 'reporting',
    name: '信息报告',
    title: /报告|报送/,
    // Many plans put 信息报告 under 监测预警 (the 2019 national layout) or under 应急响应 (GB/T 29639).
    hostedIn: { chapters: ['warning', 'response'], title: /报告|报送/ },
    needs: '信息报告的时限、程序和内容',
  },
  {
    clauseId: 'response',
    name: '应急响应',
    title: /响应|应急处置/,
    needs: '先期处置、分级响应（启动条件、启动程序、响应措施）和响应终止等内容',
  },
  { clauseId: 'aftermath', name: '后期处置', title: /后期处置|后期处理|善后|恢复(?:与|和)?重建/, needs: '善后处置、调查评估和恢复重建等内容' },
  { clauseId: 'support', name: '应急保障', title: /保障/, needs: '队伍、物资、资金等保障内容' },
  {
    clauseId: 'management',
    name: '预案管理',
    title: /预案管理|监督管理|管理(?:与|和)更新|预案实施|宣传|培训|演练/,
    // Plans in the older national layout keep 预案管理与更新 inside 附则.
    hostedIn: { chapters: ['supplementary'], title: /管理|修订|更新|演练|培训|宣传|评估/ },
    needs: '宣传培训、演练、评估与修订、备案与公开等内容',
  },
  { clauseId: 'supplementary', name: '附则', title: /附则/, needs: '名词术语、预案解释和实施时间等内容' },
];

export interface ChapterHit {
  index: number;
  /** Found as a subsection of another chapter rather than as a chapter of its own. */
  hosted: boolean;
}

/** Lineage first (the title may have been edited), then a level-1 body heading by name. */
function findChapter(sections: readonly PlanSection[], spec: ChapterSpec): number {
  const byLineage = sections.findIndex((s) => clauseOf(s) === spec.clauseId);
  if (byLineage >= 0) return byLineage;
  return sections.findIndex((s) => s.level === 1 && s.kind === 'body' && spec.title.test(plainTitle(s.title)));
}

/** Where each required chapter is, or null when it is in neither place it may be. */
export function locateChapters(sections: readonly PlanSection[]): Map<string, ChapterHit | null> {
  const hits = new Map<string, ChapterHit | null>();
  for (const spec of REQUIRED_CHAPTERS) {
    const own = findChapter(sections, spec);
    hits.set(spec.clauseId, own >= 0 ? { index: own, hosted: false } : null);
  }
  for (const spec of REQUIRED_CHAPTERS) {
    if (hits.get(spec.clauseId) || !spec.hostedIn) continue;
    for (const host of spec.hostedIn.chapters) {
      const at = hits.get(host);
      if (!at) continue;
      const inside = subtree(sections, at.index).slice(1);
      const found = inside.find((s) => clauseOf(s)?.startsWith(`${spec.clauseId}.`) || spec.hostedIn!.title.test(plainTitle(s.title)));
      if (found) {
        hits.set(spec.clauseId, { index: sections.indexOf(found), hosted: true });
        break;
      }
    }
  }
  return hits;
}
