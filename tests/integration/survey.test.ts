// The citizens' QR survey and the public results page (issue 20), against a real database:
// answers counted once, limits refused politely, honeypot and receipt codes, the SIPAS figure
// written exactly as confirmed through the report's save, and nothing unpublished or
// unapproved reachable on the public page, its CSV or its JSON.
import { beforeAll, describe, expect, it } from "vitest";
import { setupTestDb } from "../support/demo-db";
import { actAs, formData } from "../support/actors";
import { VIETNAMESE } from "../support/fingerprint";
import { submitAnswer, type FormValues } from "@/server/survey/submit";
import * as actions from "@/server/survey/actions";
import { publicData } from "@/server/public/queries";
import { quarterSurveySummary, surveyResults } from "@/server/survey/queries";
import * as formRoute from "@/app/ks/[code]/route";
import * as csvRoute from "@/app/cong-khai/[commune]/du-lieu.csv/route";
import * as jsonRoute from "@/app/cong-khai/[commune]/du-lieu.json/route";
import { ADDRESS_MAX_PER_HOUR } from "@/domain/survey";

const t = setupTestDb();
let communeId: string;
let surveyId: string;
let code: string;
const NOW = new Date("2025-11-15T03:00:00Z");
const minutes = (m: number) => new Date(NOW.getTime() + m * 60_000);
let n = 0;
const answer = (extra: FormValues = {}): FormValues => ({ token: `token-${++n}-abcdefgh`, access: "5", procedure: "4", officials: "5", result: "4", feedback: "0", ...extra });
const count = () => t.db.surveyResponse.count({ where: { surveyId } });

beforeAll(async () => {
  communeId = (await t.db.orgUnit.findFirstOrThrow({ where: { name: "Xã Hành Dũng" } })).id;
  await actAs("hanhdung.canbo");
  const created = await actions.createSurvey(null, formData({ title: "Khảo sát một cửa quý IV", startsOn: "01/10/2025", endsOn: "31/12/2025", desks: "Quầy Tư pháp\nQuầy Đất đai", dossierCount: "1000" }));
  expect(created.ok).toBe(true);
  ({ id: surveyId, code } = (created as { data: { id: string; code: string } }).data);
}, 180_000);

describe("the public form", () => {
  it("counts one rendered form once, even when it is sent again", async () => {
    const a = answer({ desk: "Quầy Tư pháp" });
    expect(await submitAnswer(code, a, { deviceId: "dev-once", address: "10.0.0.1", now: NOW })).toEqual({ status: "saved" });
    expect(await submitAnswer(code, a, { deviceId: "dev-once", address: "10.0.0.1", now: minutes(30) })).toEqual({ status: "duplicate" });
    expect(await count()).toBe(1);
    const row = await t.db.surveyResponse.findFirstOrThrow({ where: { surveyId } });
    expect(row.desk).toBe("Quầy Tư pháp");
    // Anonymous: neither the device id nor the address is stored as such.
    expect(JSON.stringify(row)).not.toMatch(/dev-once|10\.0\.0\.1/);
  });

  it("asks for a reason when a rating is 3 or less, and keeps nothing until given", async () => {
    const before = await count();
    const r = await submitAnswer(code, answer({ access: "2" }), { deviceId: "dev-low", address: "10.0.0.2", now: NOW });
    expect(r.status).toBe("invalid");
    expect(r.status === "invalid" && r.errors.reasons).toMatch(/lý do/);
    expect(await count()).toBe(before);
    expect(await submitAnswer(code, answer({ access: "2", reasons: ["cho-lau", "thai-do"], comment: "Chờ hơn 1 tiếng", contact: "0905 000 111" }), { deviceId: "dev-low", address: "10.0.0.2", now: NOW })).toEqual({ status: "saved" });
    const row = await t.db.surveyResponse.findFirstOrThrow({ where: { surveyId, comment: "Chờ hơn 1 tiếng" } });
    expect(row).toMatchObject({ access: 2, reasons: ["cho-lau", "thai-do"], commentStatus: "PENDING", contact: "0905 000 111" });
  });

  it("refuses a second answer from the same device politely, and writes nothing", async () => {
    await submitAnswer(code, answer(), { deviceId: "dev-limit", address: "10.0.0.3", now: NOW });
    const before = await count();
    const r = await submitAnswer(code, answer(), { deviceId: "dev-limit", address: "10.0.0.4", now: minutes(5) });
    expect(r.status).toBe("limited");
    expect(r.status === "limited" && r.message).toMatch(/Cảm ơn.*5 phút/);
    expect(await count()).toBe(before);
  });

  it("refuses an address past its hourly limit, whatever the device", async () => {
    for (let i = 0; i < ADDRESS_MAX_PER_HOUR; i++) {
      expect((await submitAnswer(code, answer(), { deviceId: `dev-flood-${i}`, address: "203.0.113.9", now: minutes(i) })).status).toBe("saved");
    }
    const before = await count();
    const r = await submitAnswer(code, answer(), { deviceId: "dev-flood-new", address: "203.0.113.9", now: minutes(ADDRESS_MAX_PER_HOUR) });
    expect(r.status).toBe("limited");
    expect(r.status === "limited" && r.message).toMatch(VIETNAMESE);
    expect(await count()).toBe(before);
    // An hour later the address may answer again.
    expect((await submitAnswer(code, answer(), { deviceId: "dev-flood-new", address: "203.0.113.9", now: minutes(61) })).status).toBe("saved");
  });

  it("thanks a robot that fills the honeypot and keeps nothing", async () => {
    const before = await count();
    expect(await submitAnswer(code, answer({ website: "http://spam.example" }), { deviceId: "bot", address: "10.9.9.9", now: NOW })).toEqual({ status: "honeypot" });
    expect(await count()).toBe(before);
  });

  it("with receipt codes on, takes each printed code once", async () => {
    await actAs("hanhdung.canbo");
    const s = await t.db.survey.findUniqueOrThrow({ where: { id: surveyId } });
    expect((await actions.updateSurvey(null, formData({ surveyId, version: String(s.version), open: "on", requireReceiptCode: "on", dossierCount: "1000", desks: s.desks.join("\n") }))).ok).toBe(true);
    expect((await actions.generateReceiptCodes(null, formData({ surveyId, count: "2" }))).ok).toBe(true);
    const [c1] = await t.db.surveyReceiptCode.findMany({ where: { surveyId } });
    const ctx = (d: string) => ({ deviceId: d, address: `10.1.0.${d.length}`, now: NOW });
    expect((await submitAnswer(code, answer(), ctx("rc-a"))).status).toBe("invalid");
    expect((await submitAnswer(code, answer({ receipt: "ZZZZZZ" }), ctx("rc-b"))).status).toBe("invalid");
    expect(await submitAnswer(code, answer({ receipt: c1.code.toLowerCase() }), ctx("rc-c"))).toEqual({ status: "saved" });
    const reuse = await submitAnswer(code, answer({ receipt: c1.code }), ctx("rc-dd"));
    expect(reuse.status === "invalid" && reuse.errors.receipt).toMatch(/đã được dùng/);
    const s2 = await t.db.survey.findUniqueOrThrow({ where: { id: surveyId } });
    await actions.updateSurvey(null, formData({ surveyId, version: String(s2.version), open: "on", dossierCount: "1000", desks: s2.desks.join("\n") }));
  });

  it("is refused once the survey is closed or outside its dates", async () => {
    expect(await submitAnswer(code, answer(), { deviceId: "late", address: "10.2.0.1", now: new Date("2026-01-02T03:00:00Z") })).toEqual({ status: "closed" });
    expect(await submitAnswer("NOPE1234", answer(), { deviceId: "x", address: "y", now: NOW })).toEqual({ status: "not-found" });
  });

  it("serves a plain HTML form with no script, and the POST answers with a redirect and a device cookie", async () => {
    const survey = await t.db.survey.findUniqueOrThrow({ where: { id: surveyId } });
    await t.db.survey.update({ where: { id: surveyId }, data: { startsOn: new Date("2000-01-01"), endsOn: new Date("2099-12-31") } });
    const get = await formRoute.GET(new Request(`http://localhost/ks/${code}?quay=1`), { params: Promise.resolve({ code }) });
    const html = await get.text();
    expect(get.status).toBe(200);
    expect(html).toContain("Quầy Đất đai");
    expect(html).not.toMatch(/<script/i);
    const token = /name="token" value="([^"]+)"/.exec(html)![1];
    const body = new URLSearchParams({ token, desk: "Quầy Đất đai", access: "4", procedure: "4", officials: "4", result: "4", feedback: "0" });
    const post = await formRoute.POST(new Request(`http://localhost/ks/${code}`, { method: "POST", body, headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": "198.51.100.7" } }), { params: Promise.resolve({ code }) });
    expect(post.status).toBe(303);
    expect(post.headers.get("location")).toBe(`/ks/${code}/cam-on`);
    expect(post.headers.get("set-cookie")).toMatch(/ks_tb=[A-Za-z0-9_-]+; Path=\/ks; .*HttpOnly/);
    await t.db.survey.update({ where: { id: surveyId }, data: { startsOn: survey.startsOn, endsOn: survey.endsOn } });
  });
});

describe("the SIPAS indicator", () => {
  let indicatorId: string;
  let figure: { numerator: number; denominator: number };
  beforeAll(async () => {
    const plan = await t.db.plan.findFirstOrThrow({ where: { communeId, year: 2025 } });
    indicatorId = (await t.db.indicator.create({ data: { planId: plan.id, name: "Tỷ lệ người dân hài lòng với việc giải quyết TTHC", group: "SIPAS", valueKind: "RATIO", targetRule: "AT_LEAST", targetValue: 90, targetText: "Tối thiểu 90%", position: 9999 } })).id;
    await actAs("hanhdung.canbo");
    const r = await surveyResults((await actAs("hanhdung.canbo"))!, surveyId);
    figure = r.sipas.quarters.find((q) => q.quarter === 4)!;
    // The answer sent through the route handler is dated today, outside the survey's year.
    expect(figure.denominator).toBe(await t.db.surveyResponse.count({ where: { surveyId, createdAt: { lt: new Date("2025-12-31T17:00:00Z") } } }));
    expect(figure.numerator).toBeGreaterThan(0);
    expect(figure.numerator).toBeLessThan(figure.denominator);
  });

  it("gets exactly the confirmed figure, through the report's save, audited", async () => {
    const res = await actions.confirmSipasFigure(null, formData({ surveyId, indicatorId, quarter: "4", numerator: String(figure.numerator), denominator: String(figure.denominator), version: "" }));
    expect(res).toMatchObject({ ok: true });
    const value = await t.db.indicatorValue.findFirstOrThrow({ where: { indicatorId } });
    expect(value.numerator!.toNumber()).toBe(figure.numerator);
    expect(value.denominator!.toNumber()).toBe(figure.denominator);
    expect(await t.db.auditLog.count({ where: { entity: "IndicatorValue", entityId: value.id } })).toBe(1);
  });

  it("refuses a figure that is no longer the survey's, and a submitted report", async () => {
    const stale = await actions.confirmSipasFigure(null, formData({ surveyId, indicatorId, quarter: "4", numerator: String(figure.numerator + 1), denominator: String(figure.denominator), version: "0" }));
    expect(stale).toMatchObject({ ok: false });
    const period = await t.db.reportingPeriod.findUniqueOrThrow({ where: { year_quarter: { year: 2025, quarter: 4 } } });
    await t.db.quarterlyReport.update({ where: { communeId_periodId: { communeId, periodId: period.id } }, data: { status: "SUBMITTED" } });
    const locked = await actions.confirmSipasFigure(null, formData({ surveyId, indicatorId, quarter: "4", numerator: String(figure.numerator), denominator: String(figure.denominator), version: "0" }));
    expect(locked.ok).toBe(false);
    expect(!locked.ok && locked.error).toMatch(/đã nộp/);
    await t.db.quarterlyReport.update({ where: { communeId_periodId: { communeId, periodId: period.id } }, data: { status: "DRAFT" } });
  });
});

describe("reviewers", () => {
  it("see the quarter's survey results of their communes beside SIPAS, and no other commune's", async () => {
    const reviewer = (await actAs("nghiahanh.thamdinh"))!;
    const q4 = await quarterSurveySummary(reviewer, communeId, 2025, 4);
    expect(q4.surveys.map((x) => x.id)).toEqual([surveyId]);
    expect(q4.summary.answers).toBe(await t.db.surveyResponse.count({ where: { surveyId, createdAt: { lt: new Date("2025-12-31T17:00:00Z") } } }));
    expect((await quarterSurveySummary(reviewer, communeId, 2025, 3)).summary.answers).toBe(0);
    const outsider = (await actAs("khanhhoa.thamdinh"))!;
    await expect(quarterSurveySummary(outsider, communeId, 2025, 4)).rejects.toThrow(/không thuộc/);
    await expect(surveyResults(outsider, surveyId)).rejects.toThrow(/không thuộc/);
  });
});

describe("the public results page", () => {
  const slug = "hanh-dung";
  const getJson = async () => {
    const res = await jsonRoute.GET(new Request(`http://localhost/cong-khai/${slug}/du-lieu.json?nam=2025`), { params: Promise.resolve({ commune: slug }) });
    return { status: res.status, text: await res.text() };
  };
  const getCsv = async () => {
    const res = await csvRoute.GET(new Request(`http://localhost/cong-khai/${slug}/du-lieu.csv?nam=2025`), { params: Promise.resolve({ commune: slug }) });
    return { status: res.status, text: await res.text() };
  };

  it("does not exist until the chairman publishes it", async () => {
    expect(await publicData(slug)).toBeNull();
    expect((await getJson()).status).toBe(404);
    expect((await getCsv()).status).toBe(404);
    await actAs("hanhdung.canbo");
    expect((await actions.savePublication(null, formData({ enabled: "on", showIndicators: "on", showTasks: "on", showSurveys: "on" }))).ok).toBe(false);
    await actAs("hanhdung.chutich");
    const r = await actions.savePublication(null, formData({ enabled: "on", showIndicators: "on", showTasks: "on", showSurveys: "on" }));
    expect(r).toMatchObject({ ok: true, data: { slug } });
  });

  it("shows approved quarters only: a draft quarter's figure, other communes and unpublished surveys never appear", async () => {
    // A draft Q3 with a figure nobody approved, on an indicator that also has approved figures.
    const indicator = await t.db.indicator.findFirstOrThrow({ where: { plan: { communeId, year: 2025 }, valueKind: "RATIO", values: { some: {} } } });
    const period = await t.db.reportingPeriod.findUniqueOrThrow({ where: { year_quarter: { year: 2025, quarter: 3 } } });
    const draft = await t.db.quarterlyReport.create({ data: { communeId, periodId: period.id, status: "DRAFT" } });
    await t.db.indicatorValue.create({ data: { indicatorId: indicator.id, periodId: period.id, reportId: draft.id, numerator: 777_771, denominator: 999_991 } });
    // Another commune publishes too, with a draft of its own.
    const other = await t.db.orgUnit.findFirstOrThrow({ where: { name: "Xã Tây Thuận" } });
    await t.db.publicationSetting.create({ data: { communeId: other.id, slug: "tay-thuan", enabled: true } });

    const data = (await publicData(slug, 2025))!;
    expect(data.approvedQuarters).toEqual([1, 2]);
    const row = data.indicators.find((i) => i.name === indicator.name)!;
    expect(row.approvedQuarters).toEqual([1, 2]);
    const approved = await t.db.indicatorValue.findMany({ where: { indicatorId: indicator.id, report: { status: "APPROVED" } } });
    expect(row.numerator).toBe(approved.reduce((s, v) => s + v.numerator!.toNumber(), 0));
    expect(row.denominator).toBe(approved.reduce((s, v) => s + v.denominator!.toNumber(), 0));
    // The survey is not published yet: absent everywhere.
    expect(data.surveys).toEqual([]);
    for (const out of [JSON.stringify(data), (await getJson()).text, (await getCsv()).text]) {
      expect(out).not.toContain("777771");
      expect(out).not.toContain("999991");
      expect(out).not.toContain("Tây Thuận");
      expect(out).not.toContain("Khảo sát một cửa quý IV");
    }
    expect(data.tasks.length).toBeGreaterThan(0);
  });

  it("shows a published survey with approved comments only, never a contact", async () => {
    await actAs("hanhdung.chutich");
    expect((await actions.setSurveyPublished(null, formData({ surveyId, published: "on" }))).ok).toBe(true);
    const pending = await t.db.surveyResponse.findFirstOrThrow({ where: { surveyId, comment: "Chờ hơn 1 tiếng" } });
    let data = (await publicData(slug, 2025))!;
    expect(data.surveys).toHaveLength(1);
    expect(data.surveys[0].answers).toBe(await t.db.surveyResponse.count({ where: { surveyId } }));
    expect(data.surveys[0].comments).toEqual([]);
    expect((await actions.moderateComment(null, formData({ responseId: pending.id, decision: "APPROVED" }))).ok).toBe(true);
    data = (await publicData(slug, 2025))!;
    expect(data.surveys[0].comments.map((c) => c.text)).toEqual(["Chờ hơn 1 tiếng"]);
    const csv = (await getCsv()).text;
    expect(csv).toContain("Chỉ số hài lòng chung");
    for (const out of [JSON.stringify(data), (await getJson()).text, csv]) expect(out).not.toContain("0905 000 111");
  });

  it("a staff member may not publish or moderate; unpublishing hides everything again", async () => {
    await actAs("hanhdung.canbo");
    expect((await actions.setSurveyPublished(null, formData({ surveyId }))).ok).toBe(false);
    await actAs("hanhdung.chutich");
    await actions.savePublication(null, formData({}));
    expect(await publicData(slug)).toBeNull();
    expect((await getJson()).status).toBe(404);
  });
});
