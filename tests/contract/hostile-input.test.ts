// Hostile and malformed calls are refused with typed errors, change nothing, and both transports agree.
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/create-core';
import { makeCore } from '../helpers/core';
import { makeHost, rawRequest, rpc } from '../helpers/host';

const goodProfile = {
  districtName: '小店区',
  governmentName: '太原市小店区人民政府',
  emergencyBureau: '太原市小店区应急管理局',
  departments: [{ id: 'd1', name: '区应急管理局', contact: '张三', title: '局长', phone: '0351-1234567', duty: '综合协调' }],
};

const goodDrill = { name: '森林火灾综合应急演练', form: 'combined', scope: 'comprehensive', purpose: 'test', hazard: '森林火灾', keyIndustry: false, majorNaturalDisaster: true, planLinks: [], objectives: [], date: '2026-03-10', startTime: '09:00', endTime: '11:30', place: '', organizer: '', participants: [], notes: '' };

const hostile: [string, string, unknown][] = [
  ['unknown channel', 'db.exec', { sql: 'DROP TABLE departments' }],
  ['prototype key as channel', '__proto__', {}],
  ['constructor as channel', 'constructor', {}],
  ['path-like channel', '../app.status', {}],
  ['wrong types', 'profile.save', { ...goodProfile, districtName: 42 }],
  ['missing fields', 'profile.save', { districtName: '小店区' }],
  ['extra fields', 'profile.save', { ...goodProfile, isAdmin: true }],
  ['huge string', 'profile.save', { ...goodProfile, governmentName: '政'.repeat(1_000_000) }],
  ['too many rows', 'profile.save', { ...goodProfile, departments: Array.from({ length: 5000 }, (_, i) => ({ ...goodProfile.departments[0], id: `d${i}`, name: `部门${i}` })) }],
  ['control characters', 'profile.save', { ...goodProfile, districtName: '小店\u0000区' }],
  ['duplicate departments', 'profile.save', { ...goodProfile, departments: [goodProfile.departments[0], { ...goodProfile.departments[0], id: 'd2' }] }],
  ['bad id', 'profile.save', { ...goodProfile, departments: [{ ...goodProfile.departments[0], id: "1' OR '1'='1" }] }],
  ['prototype pollution', 'profile.save', JSON.parse('{"__proto__": {"polluted": true}, "districtName": "x"}')],
  ['array instead of object', 'profile.save', [goodProfile]],
  ['null input', 'profile.save', null],
  ['input to a no-input channel', 'app.status', { anything: 1 }],
  ['traversal in backup name', 'app.restore-backup', { name: '../../workbench.db' }],
  ['a drill interval of 0 years', 'compliance.save-rules', { rules: [{ id: 'r1', kind: 'plan-cycle', label: '专项预案', enabled: true, years: 0, match: [], basis: '' }] }],
  ['two rules of one id', 'compliance.save-rules', { rules: [{ id: 'r1', kind: 'annual-comprehensive', label: '综合演练', enabled: true, perYear: 1, basis: '' }, { id: 'r1', kind: 'annual-comprehensive', label: '综合演练', enabled: true, perYear: 2, basis: '' }] }],
  ['criteria weights not adding up to 100', 'eval.set-criteria', { drillId: 'd1', criteria: { id: 's', title: '标准', basis: '', criteria: [{ id: 'a', group: '', title: '项', description: '', weight: 50, scale: { kind: 'score', max: 10 } }] } }],
  ['a plan change that names no clause (it would raise no revision request)', 'item.save', { item: { findingId: null, drillId: null, description: '首报超时', measure: '', category: '预案', unit: '区林业局', owner: '', deadline: '2026-06-30', needsPlanChange: true, clauses: [] } }],
  ['a drill that ends before it starts', 'drill.create', { ...goodDrill, endTime: '08:30' }],
  // The core's clock reads 2026-03-02 (tests/helpers/core.ts).
  ['a drill dated 1900-01-01', 'drill.create', { ...goodDrill, date: '1900-01-01' }],
  ['a drill dated more than ten years ahead', 'drill.create', { ...goodDrill, date: '2036-03-03' }],
  ['a drill dated a day that does not exist', 'drill.create', { ...goodDrill, date: '2026-02-30' }],
  ['a plan whose 牵头单位 is blanked', 'plan.update-meta', { id: 'p1', leadUnit: '   ' }],
  ['a plan whose 编号 is blanked', 'plan.update-meta', { id: 'p1', code: '' }],
  ['a plan field the header does not edit', 'plan.update-meta', { id: 'p1', category: '部门预案' }],
  ['no dialogs in the browser', 'dialog.save-file', { suggestedName: '预案.docx', filters: [], dataBase64: 'AAAA' }],
  ['traversal in a revision label', 'template.import-docx-apply', { fileName: '预案.docx', dataBase64: 'AAAA', revision: '../../workbench' }],
  ['file bytes that are not base64', 'template.import-docx-preview', { fileName: '预案.docx', dataBase64: '<script>' }],
  ['a review naming a clause with markup', 'template.import-docx-apply', { fileName: '预案.docx', dataBase64: 'AAAA', decisions: [{ index: 0, match: '{#x}' }] }],
];

async function snapshot(core: Core): Promise<string> {
  const db = core.context.store.get();
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[];
  return JSON.stringify(tables.map((t) => [t.name, db.prepare(`SELECT * FROM "${t.name}"`).all()]));
}

describe('hostile input', () => {
  it.each(hostile)('%s: refused, nothing changed, same result over HTTP and in-process', async (_label, channel, input) => {
    const core = await makeCore();
    expect((await core.call('profile.save', goodProfile)).ok).toBe(true);
    const host = await makeHost(core);
    const before = await snapshot(core);
    const direct = await core.call(channel, input);
    const overHttp = await rpc(host, channel, input);
    expect(direct.ok).toBe(false);
    expect(overHttp.status).toBe(200);
    expect(overHttp.json).toEqual(direct);
    expect(await snapshot(core)).toBe(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a drill date outside 2000 to ten years ahead in Chinese, on create, update and move alike', async () => {
    const core = await makeCore();
    const refused = (date: string) => ({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining(`日期 ${date}`) } });
    expect(await core.call('drill.create', { ...goodDrill, date: '1900-01-01' })).toMatchObject({ ok: false, error: { message: '日期 1900-01-01 早于 2000 年，请核对年份。' } });
    // The last day allowed and the first refused, by the core's clock (2026-03-02).
    const drill = await core.call('drill.create', { ...goodDrill, date: '2036-03-02' });
    expect(drill).toMatchObject({ ok: true, data: { date: '2036-03-02' } });
    const id = (drill as { data: { id: string } }).data.id;
    expect(await core.call('drill.update', { id, drill: { ...goodDrill, date: '2036-03-03' } })).toMatchObject(refused('2036-03-03'));
    expect(await core.call('drill.move', { id, date: '1999-12-31' })).toMatchObject(refused('1999-12-31'));
    expect(await core.call('drill.move', { id, date: '2000-01-01' })).toMatchObject({ ok: true, data: { date: '2000-01-01' } });
  });

  it('stores SQL-looking text literally and harms nothing', async () => {
    const core = await makeCore();
    const host = await makeHost(core);
    const sqlish = "'); DROP TABLE departments; --";
    const saved = await rpc(host, 'profile.save', { ...goodProfile, districtName: sqlish, departments: [{ ...goodProfile.departments[0], name: 'x" OR 1=1 --' }] });
    expect(saved.json).toMatchObject({ ok: true, data: { districtName: sqlish } });
    expect(await core.call('profile.get', {})).toMatchObject({ ok: true, data: { districtName: sqlish, departments: [{ name: 'x" OR 1=1 --' }] } });
  });

  it('gives valid input the same result on both transports', async () => {
    const core = await makeCore();
    const host = await makeHost(core);
    const direct = await core.call('profile.save', goodProfile);
    const overHttp = await rpc(host, 'profile.save', goodProfile);
    expect(overHttp.json).toEqual(direct);
    expect(direct).toMatchObject({ ok: true, data: goodProfile });
  });
});

describe('browser host guards', () => {
  it('refuses calls without the launch token, from another origin, or with a foreign Host', async () => {
    const host = await makeHost(await makeCore());
    expect((await rpc(host, 'app.status', {}, { 'x-workbench-token': 'guess' })).status).toBe(403);
    expect((await rpc(host, 'app.status', {}, { origin: 'http://evil.example' })).status).toBe(403);
    const noOrigin = await rawRequest(host, { method: 'POST', path: '/rpc/app.status', headers: { 'content-type': 'application/json', 'x-workbench-token': host.token } }, '{}');
    expect(noOrigin.status).toBe(403);
    const rebinding = await rawRequest(host, { method: 'GET', path: '/', headers: { host: 'evil.example:80' } });
    expect(rebinding.status).toBe(403);
    expect((await rpc(host, 'app.status', '{}', { 'content-type': 'text/plain' })).status).toBe(403);
  });

  it('caps body size and says so in Chinese', async () => {
    const host = await makeHost(await makeCore());
    const r = await rpc(host, 'profile.save', { blob: 'x'.repeat(33 * 1024 * 1024) });
    expect(r.status).toBe(413);
    expect(r.json).toMatchObject({ ok: false, error: { code: 'TOO_LARGE' } });
  });

  it('answers malformed JSON with a typed error', async () => {
    const host = await makeHost(await makeCore());
    expect((await rpc(host, 'profile.save', '{"districtName": ')).json).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '请求内容不是有效的 JSON。' } });
  });

  it('serves nothing outside the renderer folder', async () => {
    const host = await makeHost(await makeCore());
    const r = await rawRequest(host, { method: 'GET', path: '/..%2f..%2fpackage.json' });
    expect(r.status).toBe(403);
    expect(r.body).not.toContain('"dependencies"');
    expect((await rawRequest(host, { method: 'DELETE', path: '/' })).status).toBe(405);
  });

  it('injects the token into the page it serves, with a strict CSP', async () => {
    const host = await makeHost(await makeCore());
    const res = await fetch(host.url);
    expect(await res.text()).toContain(`<meta name="workbench-token" content="${host.token}"`);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
  });
});
