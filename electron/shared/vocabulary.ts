// The closed lists of the domain with their Chinese labels: what schemas validate against and screens
// offer. Kept apart from the zod schemas so that a screen reading a label does not build every schema.

// ---- drill ----
export const DRILL_FORMS = { tabletop: '桌面推演', live: '实战演练', combined: '桌面与实战结合' } as const;
export const DRILL_SCOPES = { single: '单项', comprehensive: '综合' } as const;
/** The 演练形式 line of the 工作方案 and the script: 综合演练，桌面与实战结合. */
export const drillFormText = (drill: { scope: keyof typeof DRILL_SCOPES; form: keyof typeof DRILL_FORMS }): string => `${DRILL_SCOPES[drill.scope]}演练，${DRILL_FORMS[drill.form]}`;
export const DRILL_PURPOSES = { test: '检验性', demo: '示范性', research: '研究性' } as const;
export const DRILL_STATUSES = { planned: '计划中', preparing: '准备中', conducted: '已实施', evaluated: '已评估', archived: '已归档' } as const;
export const INJECT_METHODS = ['电话', '短信', '对讲', '文件', '现场', '视频', '其他'] as const;
/** Longest delay a late inject can be recorded with: a drill day. */
export const MAX_DELAY_SEC = 24 * 3600;
/** An inject's timing as the timeline tab and the report's timing table both say it. */
export const INJECT_TIMING_STATUSES = { delivered: '按时', early: '提前', late: '延迟', skipped: '未发送', pending: '未执行' } as const;
export const ROSTER_ROLES = ['总指挥', '导演', '控制组', '评估组', '参演单位', '观摩'] as const;

// ---- evaluation ----
/** Weights are typed by hand: a sum that is off by float noise (33.33 × 3 + 0.01) is still 100. */
export const WEIGHT_TOLERANCE = 0.01;
/** The weights' sum, to two decimals. */
export const weightTotal = (criteria: readonly { weight: number }[]) => Math.round(criteria.reduce((a, c) => a + c.weight, 0) * 100) / 100;
export const ITEM_STATUSES = { open: '待整改', doing: '整改中', done: '已完成', closed: '已销号' } as const;
export const ITEM_CATEGORIES = ['预案', '组织', '装备物资', '培训', '演练'] as const;
export const FINDING_KINDS = { strength: '亮点', problem: '问题' } as const;

// ---- plan ----
export const PLAN_STATUSES = ['draft', 'consultation', 'review', 'published', 'abolished'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];
export const planStatusLabels: Record<PlanStatus, string> = {
  draft: '草稿',
  consultation: '征求意见',
  review: '送审',
  published: '已发布',
  abolished: '已废止',
};
