import { describe, expect, it } from "vitest";
import { parsePlanText, type ParsedTask } from "@/domain/plan-import";
import { dueDatesText, readDueDateList, setTaskDueDates, withDueDates } from "@/domain/plan-import/due-dates";
import { parseDeadline } from "@/domain/plan-import/deadline";

const task = (deadline: string): ParsedTask =>
  parsePlanText(`STT\tNội dung\tThời gian\tChủ trì\n1\tBáo cáo CCHC\t${deadline}\tVăn phòng`, { year: 2025 }).rows[0] as ParsedTask;

describe("a row's several due dates", () => {
  it("reads a typed list in dd/mm/yyyy, sorted and without repeats, or names the part that is not a date", () => {
    expect(readDueDateList("20/06/2025; 20/03/2025\n20/06/2025")).toEqual({ dates: ["2025-03-20", "2025-06-20"] });
    expect(readDueDateList("")).toEqual({ dates: [] });
    expect(readDueDateList("20/03/2025; 31/06/2025")).toEqual({ problem: "“31/06/2025” không phải ngày, nhập theo dạng dd/mm/yyyy." });
  });

  it("makes several dates a recurrence on those dates, and one date the due date", () => {
    const quarterly = parseDeadline("Hằng quý", 2025);
    expect(withDueDates(quarterly, ["2025-12-20", "2025-06-20"])).toMatchObject({ text: "Hằng quý", kind: "RECURRING", occurrences: ["2025-06-20", "2025-12-20"] });
    expect(withDueDates(quarterly, ["2025-11-25"])).toMatchObject({ kind: "DATE", dueDate: "2025-11-25" });
    expect(withDueDates(quarterly, [])).toEqual(quarterly);
    expect(dueDatesText(quarterly)).toBe("31/03/2025; 30/06/2025; 30/09/2025; 31/12/2025");
  });

  it("in the preview, replaces the dates read from the text, answers an unread deadline, and goes back to the text when cleared", () => {
    const t = task("Định kỳ theo yêu cầu của huyện");
    const { row, problem } = setTaskDueDates(t, "20/06/2025; 20/12/2025", 2025);
    expect(problem).toBeNull();
    expect(row.deadline).toMatchObject({ text: "Định kỳ theo yêu cầu của huyện", kind: "RECURRING", occurrences: ["2025-06-20", "2025-12-20"] });

    const unread = task("Khi có yêu cầu");
    expect(unread.warnings.join(" ")).toMatch(/Không hiểu thời hạn/);
    const fixed = setTaskDueDates(unread, "30/09/2025", 2025).row;
    expect(fixed.deadline).toMatchObject({ kind: "DATE", dueDate: "2025-09-30" });
    expect(fixed.warnings.join(" ")).not.toMatch(/Không hiểu thời hạn/);

    const quarterly = task("Hằng quý");
    const cleared = setTaskDueDates(setTaskDueDates(quarterly, "20/03/2025; 20/09/2025", 2025).row, "", 2025).row;
    expect(cleared.deadline.occurrences).toEqual(["2025-03-31", "2025-06-30", "2025-09-30", "2025-12-31"]);
  });

  it("keeps the row unchanged while a part is not a date", () => {
    const t = task("Hằng quý");
    expect(setTaskDueDates(t, "20/03/2025; 20/0", 2025)).toEqual({ row: t, problem: "“20/0” không phải ngày, nhập theo dạng dd/mm/yyyy." });
  });
});
