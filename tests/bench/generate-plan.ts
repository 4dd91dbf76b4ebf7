// A realistic plan of a given length in the real document model, for benches: ~10 chapters with
// level-2/3 sections, paragraphs composed from many distinct sentences about emergency response, lists,
// and 5-column tables. Pure and deterministic: the same options and seed give the same document.
import { blocksText, charCount, FORMAT, list, paragraph, table, text, type BlockJSON, type InlineJSON, type PlanDocument, type PlanSection, type SectionLevel } from '../../electron/shared/doc-model';

export interface PlanShape {
  /** Characters as charCount counts them (non-whitespace), hit exactly. */
  chars: number;
  /** 5 × 13 tables (header row + 12); default one per 2,500 characters (40 at 100k, 10 at 25k). */
  tables?: number;
  /** Level-1 sections; the last one is an annex. Default 10. */
  chapters?: number;
  /** Headings (all levels) per 1,000 characters; default 4.8 (480 at 100k). */
  headingsPerK?: number;
  /** Body paragraphs per 1,000 characters; default 6.8 (680 at 100k). */
  paragraphsPerK?: number;
  seed?: number;
}

export interface GeneratedPlan {
  doc: PlanDocument;
  chars: number;
  headings: number;
  paragraphs: number;
  tables: number;
  lists: number;
  /** Index in doc.sections and body of a plain paragraph near the middle of the document (by characters). */
  middle: { section: number; block: number; text: string };
  /** The text of the document's last paragraph: when it is on screen, the whole document is. */
  lastText: string;
}

/** mulberry32: small, fast, good enough to vary text. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---- vocabulary -----------------------------------------------------------------------------

const CHAPTERS = ['总则', '组织指挥体系', '风险分析与监测预警', '信息报告与先期处置', '应急响应', '后期处置', '应急保障', '预案管理', '附则', '应急资源与联络信息'];

const TOPICS = [
  '编制目的', '编制依据', '适用范围', '工作原则', '事件分级', '区应急指挥部', '指挥部办公室', '专项工作组', '现场指挥部', '专家组',
  '风险识别', '风险评估', '隐患排查治理', '监测网络', '预警分级', '预警发布', '预警行动', '预警调整与解除', '信息报送', '信息核实',
  '先期处置', '分级响应', '响应启动', '指挥协调', '人员搜救', '医疗救治', '转移安置', '交通管制', '治安维护', '次生灾害防范',
  '信息发布', '社会动员', '响应调整', '响应终止', '善后处置', '调查评估', '恢复重建', '队伍保障', '物资保障', '资金保障',
  '通信保障', '交通运输保障', '医疗卫生保障', '治安保障', '避难场所保障', '技术保障', '宣传教育', '培训', '应急演练', '预案评估',
  '预案修订', '责任与奖惩', '值班值守', '舆情应对', '志愿者管理', '群众生活保障', '基础设施抢修', '环境监测', '应急联动', '跨区域协作',
];
const TOPIC_SUFFIX = ['', '', '', '要求', '职责', '程序', '措施', '机制', '内容', '工作'];

const SUBJECTS = [
  '区应急管理局', '各街道办事处', '区水务局', '区卫生健康委', '公安分局', '消防救援大队', '区住房城乡建设委', '区交通运输局', '事发单位', '现场指挥部',
  '各专项工作组', '区气象局', '区生态环境局', '区民政局', '区教育委员会', '供电公司', '各通信运营企业', '各社区居委会', '区融媒体中心', '区财政局',
  '区城市管理委', '区市场监管局', '医疗救治组', '综合协调组', '区规划自然资源分局', '区商务局', '武装部', '红十字会',
];
const PREDICATES = [
  '应当按照职责分工及时报告事件信息', '负责组织开展先期处置工作', '加强对重点部位和重要设施的巡查检查', '做好受影响人员的转移安置和生活保障',
  '组织专业救援队伍开展抢险救援', '及时发布预警信息并提示公众做好防范', '配合做好现场警戒和交通疏导', '落实24小时值班值守和领导带班制度',
  '储备必要的应急物资和救援装备', '建立健全部门间信息共享和会商研判机制', '在30分钟内电话报告、2小时内书面报告', '组织专家对事件发展趋势进行分析研判',
  '负责伤病员的现场急救、转运和院内救治', '负责应急通信网络的抢修和保障', '负责事发区域的治安管控和秩序维护', '做好遇难人员家属的安抚和善后工作',
  '核定事件造成的损失并提出恢复重建方案', '组织开展环境监测并提出处置建议', '保障应急处置所需的电力供应', '协调做好应急运输车辆的调度',
  '做好新闻发布和舆论引导工作', '定期组织开展应急演练和培训', '对预案实施情况进行评估并适时修订', '督促指导基层单位完善应急预案',
  '对重大危险源实行分级管控', '做好避难场所的日常维护和启用准备', '统筹调配辖区内的应急资源', '按规定做好应急资金的拨付和管理',
  '负责组织群众疏散撤离', '及时向上级部门请求支援', '对次生衍生事件进行监测和防范', '协助做好事件调查和责任认定',
];
const PREFIXES = [
  '', '', '', '事件发生后，', '接到预警信息后，', '汛期来临前，', '根据事件发展态势，', '按照“统一指挥、分级负责”的原则，', '必要时，', '响应启动后，',
  '在现场指挥部的统一指挥下，', '夜间或节假日期间，', '对可能造成重大社会影响的事件，', '应急处置结束后，', '日常工作中，', '预警期间，',
];
const SUFFIXES = [
  '', '', '', '，确保信息准确、报送及时', '，防止次生衍生灾害发生', '，最大限度减少人员伤亡和财产损失', '，并将处置情况报区应急指挥部', '，确保人民群众生命财产安全',
  '，做到早发现、早报告、早处置', '，形成工作合力', '，切实提高应急处置能力', '，不得迟报、谎报、瞒报和漏报',
];
const LEADS = ['（一）信息报告。', '（二）先期处置。', '（三）指挥协调。', '（四）处置措施。', '（五）社会动员。', '（六）信息发布。', '一是', '二是', '三是'];

const TABLES: { title: string; header: string[]; row: (r: () => number, i: number) => string[] }[] = [
  {
    title: '应急联络表',
    header: ['序号', '单位名称', '职务', '联系人', '联系电话'],
    row: (r, i) => [String(i), pick(r, SUBJECTS), pick(r, ['主任', '副局长', '科长', '值班员', '队长', '站长']), name(r), `0351-${digits(r, 7)}`],
  },
  {
    title: '应急物资储备表',
    header: ['序号', '物资名称', '规格型号', '数量', '存放地点'],
    row: (r, i) => [String(i), pick(r, ['编织袋', '救生衣', '抽水泵', '发电机组', '帐篷', '折叠床', '应急照明灯', '冲锋舟', '防毒面具', '医用口罩']), pick(r, ['标准型', '大型', '便携式', '5千瓦', '12平方米', '通用']), `${1 + Math.floor(r() * 900)}${pick(r, ['件', '台', '顶', '套', '箱'])}`, `${pick(r, ['区应急物资库', '街道储备点', '社区仓库', '水务局仓库'])}`],
  },
  {
    title: '应急队伍一览表',
    header: ['序号', '队伍名称', '人数', '主要装备', '驻地'],
    row: (r, i) => [String(i), `${pick(r, ['综合救援', '防汛抢险', '医疗救护', '电力抢修', '燃气抢修', '志愿者'])}队伍`, `${10 + Math.floor(r() * 90)}人`, pick(r, ['救援车辆、破拆工具', '冲锋舟、抽水泵', '救护车、急救箱', '发电车、抢修车', '检测仪、堵漏工具']), `${pick(r, ['北营', '坞城', '黄陵', '龙城', '平阳'])}${pick(r, ['街道', '社区', '路'])}`],
  },
  {
    title: '风险点清单',
    header: ['序号', '风险点名称', '所在区域', '风险等级', '管控措施'],
    row: (r, i) => [String(i), pick(r, ['下穿立交桥', '在建工地基坑', '老旧小区', '加油站', '河道堤防', '地下商场', '学校', '农贸市场']), `${pick(r, ['北营', '坞城', '黄陵', '龙城', '平阳'])}片区`, pick(r, ['重大风险', '较大风险', '一般风险', '低风险']), pick(r, ['专人值守、定期巡查', '设置警示标志', '安装监测设备', '制定专项方案'])],
  },
  {
    title: '避难场所一览表',
    header: ['序号', '场所名称', '地址', '容纳人数', '管理单位'],
    row: (r, i) => [String(i), `${pick(r, ['北营', '坞城', '黄陵', '龙城', '平阳'])}${pick(r, ['公园', '广场', '体育馆', '中学', '文化中心'])}`, `${pick(r, ['体育路', '长治路', '平阳路', '南内环街'])}${1 + Math.floor(r() * 300)}号`, `${100 + Math.floor(r() * 4900)}人`, pick(r, SUBJECTS)],
  },
];

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)]!;
}

function digits(r: () => number, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += Math.floor(r() * 10);
  return s;
}

function name(r: () => number): string {
  return pick(r, ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴']) + pick(r, ['建国', '丽', '伟', '芳', '强', '敏', '军', '静', '磊', '洋', '红梅', '志刚']);
}

function sentence(r: () => number): string {
  return `${pick(r, PREFIXES)}${pick(r, SUBJECTS)}${pick(r, PREDICATES)}${pick(r, SUFFIXES)}。`;
}

function inlineChars(nodes: InlineJSON[]): number {
  return nodes.reduce((n, x) => n + (x.type === 'text' ? charCount(x.text) : 0), 0);
}

// ---- the plan -------------------------------------------------------------------------------

/** Generates the plan: a pure function of its options. */
export function generatePlan(shape: PlanShape): GeneratedPlan {
  const r = rng(shape.seed ?? 20240601);
  const target = shape.chars;
  const nTables = shape.tables ?? Math.round(target / 2500);
  const nChapters = shape.chapters ?? 10;
  const nHeadings = Math.max(nChapters, Math.round((target / 1000) * (shape.headingsPerK ?? 4.8)));
  const nParagraphs = Math.max(nHeadings, Math.round((target / 1000) * (shape.paragraphsPerK ?? 6.8)));
  const nLists = Math.round(nHeadings / 8);
  let idSeq = 0;
  const id = () => `s-bench${(++idSeq).toString(36).padStart(4, '0')}${Math.floor(r() * 36 ** 4).toString(36)}`;

  // Skeleton: chapters and their level-2/3 sections.
  const sections: PlanSection[] = [];
  const subs = nHeadings - nChapters;
  for (let c = 0; c < nChapters; c++) {
    const annex = c === nChapters - 1 && nChapters > 1;
    sections.push({ id: id(), level: 1, kind: annex ? 'annex' : 'body', title: CHAPTERS[c % CHAPTERS.length]!, body: [] });
    const count = Math.floor(((c + 1) * subs) / nChapters) - Math.floor((c * subs) / nChapters);
    let sinceL2 = 0;
    for (let k = 0; k < count; k++) {
      const level: SectionLevel = k === 0 || sinceL2 >= 4 || r() < 0.3 ? 2 : 3;
      sinceL2 = level === 2 ? 0 : sinceL2 + 1;
      sections.push({ id: id(), level, kind: annex ? 'annex' : 'body', title: `${TOPICS[(c * 6 + Math.floor(r() * 12)) % TOPICS.length]}${pick(r, TOPIC_SUFFIX)}`, body: [] });
    }
  }

  // Paragraph slots: every section gets one, the rest go to sections at random (level 3 and leaves mostly).
  const paraSlots = sections.map(() => 1);
  for (let i = sections.length; i < nParagraphs; i++) {
    let s = Math.floor(r() * sections.length);
    if (sections[s]!.level === 1 && r() < 0.7) s = Math.min(sections.length - 1, s + 1);
    paraSlots[s]!++;
  }
  // The last section keeps plain paragraphs only, so the document ends with a paragraph.
  const spread = (n: number, offset: number) => Array.from({ length: n }, (_, i) => Math.min(sections.length - 2, Math.floor(((i + offset) * (sections.length - 1)) / n)));
  const tableAt = new Map<number, number>();
  for (const s of spread(nTables, 0.5)) tableAt.set(s, (tableAt.get(s) ?? 0) + 1);
  const listAt = new Set(spread(nLists, 0.2));

  // Fixed pieces first (headings, tables, lists), so paragraphs can take exactly what is left.
  let fixed = sections.reduce((n, s) => n + charCount(s.title), 0);
  const tablesBySection = new Map<number, BlockJSON[]>();
  const listsBySection = new Map<number, BlockJSON>();
  let tableNo = 0;
  for (const [s, n] of tableAt) {
    const blocks: BlockJSON[] = [];
    for (let k = 0; k < n; k++) {
      const t = TABLES[tableNo++ % TABLES.length]!;
      const rows = [t.header, ...Array.from({ length: 12 }, (_, i) => t.row(r, i + 1))];
      const tb = table(rows.map((cells) => cells.map((c) => [text(c)])));
      fixed += charCount(blocksText([tb]));
      blocks.push(tb);
    }
    tablesBySection.set(s, blocks);
  }
  for (const s of listAt) {
    const items = Array.from({ length: 3 + Math.floor(r() * 3) }, () => [text(`${pick(r, SUBJECTS)}${pick(r, PREDICATES)}；`)]);
    const l = list(r() < 0.5 ? 'number' : 'bullet', items);
    fixed += charCount(blocksText([l]));
    listsBySection.set(s, l);
  }
  if (fixed >= target) throw new Error(`generatePlan: ${target} characters is too few for ${nHeadings} headings and ${nTables} tables`);

  // Paragraphs: each takes about its share of what is left; the last one is cut to hit the target exactly.
  let left = target - fixed;
  let paraLeft = nParagraphs;
  let bodyParagraphs = 0;
  const middleAt = (target - fixed) / 2;
  let middle: GeneratedPlan['middle'] | null = null;
  let lastText = '';
  for (let si = 0; si < sections.length; si++) {
    const s = sections[si]!;
    for (let p = 0; p < paraSlots[si]!; p++) {
      const want = paraLeft === 1 ? left : Math.max(12, Math.round((left / paraLeft) * (0.55 + r() * 0.9)));
      const children: InlineJSON[] = [];
      let body = '';
      if (paraLeft > 1 && r() < 0.12) children.push(text(pick(r, LEADS), FORMAT.bold));
      const have = inlineChars(children);
      if (paraLeft === 1) {
        while (charCount(body) < want) body += sentence(r);
        body = body.slice(0, Math.max(1, want - 1)) + '。';
      } else {
        // Whole sentences, stopping before one would overshoot by much: the running share corrects the rest.
        for (let next = sentence(r); body === '' || charCount(body) + have + charCount(next) <= want * 1.1; next = sentence(r)) body += next;
      }
      children.push(text(body));
      const para = paragraph(children);
      const n = inlineChars(children);
      if (!middle && left - n <= middleAt && children.length === 1) middle = { section: si, block: s.body.length, text: body };
      left -= n;
      paraLeft--;
      bodyParagraphs++;
      s.body.push(para);
      lastText = body;
      if (p === 0) {
        const l = listsBySection.get(si);
        if (l) s.body.push(l);
        for (const t of tablesBySection.get(si) ?? []) s.body.push(t);
      }
    }
  }

  const doc: PlanDocument = { schema: 1, numbering: 'decimal', placeholders: [], sections };
  const chars = sections.reduce((n, s) => n + charCount(s.title) + charCount(blocksText(s.body)), 0);
  if (chars !== target) throw new Error(`generatePlan: made ${chars} characters, wanted ${target}`);
  if (!middle) throw new Error('generatePlan: no plain paragraph in the middle');
  return { doc, chars, headings: sections.length, paragraphs: bodyParagraphs, tables: nTables, lists: listAt.size, middle, lastText };
}
