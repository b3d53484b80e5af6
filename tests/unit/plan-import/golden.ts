// Expected outcome of importing each seed plan (prisma/demo/*.txt), worked out by reading
// the documents, not by running the parser. Shared with the seed's integration test.
//
// Counts, by document:
// - Tây Thuận: sections 1, 3, 5, 6.1 (rows with no target and nobody responsible; 6.1 and 5
//   end up empty). 25 indicators: 1.1-1.4, 2, 3.1, 3.2 (+ sub-row "Bộ phận Một cửa cấp xã"),
//   the uncoded "Tinh giản bộ máy...", 4, 6, 7, 7.1-7.3 (+ sub-rows 7.4 and "UBND xã."), the
//   uncoded "Dịch vụ công trực tuyến..." (+ 7.5 and five more "- Tỷ lệ" sub-rows) and the
//   uncoded "Cung cấp dịch vụ công chứng thực điện tử". The bare "7.6" line is a plan warning.
// - Tân Đức: the synthetic "Chỉ tiêu chung của kế hoạch" + I-VIII + 2.1, 3.1, 3.2, 4.1, 4.2,
//   6.1, 6.2, 7.1, 7.2, 7.3, 8.1 = 20 sections; 40 tasks (6+3+6+3+4+4+9+5 by area);
//   19 indicators: 2 from the body (PAR >= 85 điểm, SIPAS >= 90%), and one rule for every
//   quantified expected result of a task (a level after đạt/tối thiểu/từ/trên/≥, or a share
//   of records, documents or officials): 1 each from 1.1 (tối thiểu 01 sáng kiến), 1.6
//   (tối thiểu 01 cuộc đối thoại), 2.2, 3.2.1, 3.2.2, 4.1, 5.3, 6.1.1, 6.2.1, 7.2.1, 7.2.2,
//   7.3.1, 7.3.2, 7.3.3 (no target: the 90% is the district's) and 3 from 7.3.4. Not 5.4
//   ("Tỷ lệ đạt chuẩn" states no number) nor "Hoàn thành 100% Kế hoạch" (the task's own progress).
// - Hành Dũng: A, B, I-VII, C, D = 11 sections; tasks 1-22; the appendix's 10 indicators and
//   the share of records followed on the province's system stated by task 7.
// - Diên Khánh: the synthetic section + A, A.I-A.IX, A.V.1, B, B.I, B.I.1, B.I.1.1-1.3,
//   B.I.2, B.II, B.II.1-5 = 25 sections; 65 tasks (42 under A incl. one uncoded under V,
//   23 under B incl. four uncoded under B.I.1); 10 indicators: the body's SIPAS >= 90% and
//   the results stated in A.IV.3 (1), A.IV.5 (2), A.VII.1 (1, tối thiểu 90% by 31/12),
//   A.VIII.1 (1, trên 80%), A.VIII.6 (2) and A.VIII.7 (2).
//
// `codes` lists row.code of every coded row in document order (what gets stored);
// `paths` lists rowPath(), which adds the enclosing sections' codes ("A.I.1").

export interface GoldenPlan {
  kind: "PAR_SIPAS" | "CCHC_YEARLY" | "TTHC_CONTROL" | "DIGITAL_TRANSFORMATION" | "OTHER";
  title: string;
  documentNumber: string | null;
  documentDate: string | null;
  year: number;
  communeName: string;
  sections: number;
  tasks: number;
  indicators: number;
  codes: string[];
  paths: string[];
}

export const GOLDEN: Record<string, GoldenPlan> = {
  "tay-thuan-2025-indicators.txt": {
    kind: "CCHC_YEARLY",
    title: "Các chỉ tiêu công tác cải cách hành chính xã Tây Thuận năm 2025",
    documentNumber: "/KH-UBND",
    documentDate: "2024-12-31",
    year: 2025,
    communeName: "Tây Thuận",
    sections: 4,
    tasks: 0,
    indicators: 25,
    codes: [
      "1", "1.1", "1.2", "1.3", "1.4", "2", "3", "3.1", "3.2", "4", "5", "6", "6.1", "7", "7.1", "7.2",
      "7.3", "7.4", "7.5",
    ],
    paths: [
      "1", "1.1", "1.2", "1.3", "1.4", "2", "3", "3.1", "3.2", "4", "5", "6", "6.1", "7", "7.1", "7.2",
      "7.3", "7.4", "7.5",
    ],
  },
  "tan-duc-2024-par-sipas-plan.txt": {
    kind: "PAR_SIPAS",
    title: "Kế hoạch duy trì, cải thiện và nâng cao Chỉ số cải cách hành chính (Par Index), Chỉ số hài lòng về sự phục vụ hành chính (Sipas) năm 2024",
    documentNumber: "/KH-UBND",
    documentDate: null,
    year: 2024,
    communeName: "Tân Đức",
    sections: 20,
    tasks: 40,
    indicators: 19,
    codes: [
      "I", "1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "II", "2.1", "2.1.1", "2.1.2", "2.2", "III",
      "3.1", "3.1.1", "3.1.2", "3.1.3", "3.1.4", "3.2", "3.2.1", "3.2.2", "IV", "4.1", "4.1", "4.2",
      "4.2.1", "4.2.2", "V", "5.1", "5.2", "5.3", "5.4", "VI", "6.1", "6.1.1", "6.1.2", "6.2", "6.2.1",
      "6.2.2", "VII", "7.1", "7.1.1", "7.1.2", "7.2", "7.2.1", "7.2.2", "7.3", "7.3.1", "7.3.2",
      "7.3.3", "7.3.4", "7.3.5", "VIII", "8.1", "8.1.1", "8.1.2", "8.1.3", "8.1.4", "8.1.5",
    ],
    paths: [
      "I", "I.1.1", "I.1.2", "I.1.3", "I.1.4", "I.1.5", "I.1.6", "II", "II.2.1", "II.2.1.1",
      "II.2.1.2", "II.2.2", "III", "III.3.1", "III.3.1.1", "III.3.1.2", "III.3.1.3", "III.3.1.4",
      "III.3.2", "III.3.2.1", "III.3.2.2", "IV", "IV.4.1", "IV.4.1", "IV.4.2", "IV.4.2.1", "IV.4.2.2",
      "V", "V.5.1", "V.5.2", "V.5.3", "V.5.4", "VI", "VI.6.1", "VI.6.1.1", "VI.6.1.2", "VI.6.2",
      "VI.6.2.1", "VI.6.2.2", "VII", "VII.7.1", "VII.7.1.1", "VII.7.1.2", "VII.7.2", "VII.7.2.1",
      "VII.7.2.2", "VII.7.3", "VII.7.3.1", "VII.7.3.2", "VII.7.3.3", "VII.7.3.4", "VII.7.3.5", "VIII",
      "VIII.8.1", "VIII.8.1.1", "VIII.8.1.2", "VIII.8.1.3", "VIII.8.1.4", "VIII.8.1.5",
    ],
  },
  "hanh-dung-2025-tthc-control-plan.txt": {
    kind: "TTHC_CONTROL",
    title: "Kế hoạch hoạt động kiểm soát thủ tục hành chính năm 2025 trên địa bàn xã Hành Dũng",
    documentNumber: "48/QĐ-UBND",
    documentDate: "2025-03-03",
    year: 2025,
    communeName: "Hành Dũng",
    sections: 11,
    tasks: 22,
    indicators: 11,
    codes: [
      "A", "1", "2", "B", "I", "3", "II", "4", "5", "6", "7", "8", "9", "10", "III", "11", "12", "13",
      "IV", "14", "15", "V", "16", "VI", "17", "18", "VII", "19", "C", "20", "D", "21", "22", "1", "2",
      "3", "4", "5", "6", "7", "8", "9", "10",
    ],
    paths: [
      "A", "A.1", "A.2", "B", "B.I", "B.I.3", "B.II", "B.II.4", "B.II.5", "B.II.6", "B.II.7", "B.II.8",
      "B.II.9", "B.II.10", "B.III", "B.III.11", "B.III.12", "B.III.13", "B.IV", "B.IV.14", "B.IV.15",
      "B.V", "B.V.16", "B.VI", "B.VI.17", "B.VI.18", "B.VII", "B.VII.19", "C", "C.20", "D", "D.21",
      "D.22", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10",
    ],
  },
  "dien-khanh-2025-par-sipas-plan.txt": {
    kind: "PAR_SIPAS",
    title: "Kế hoạch thực hiện các giải pháp nhằm nâng cao Chỉ số cải cách hành chính và Chỉ số hài lòng của người dân, tổ chức đối với sự phục vụ của UBND xã Diên Khánh năm 2025",
    documentNumber: "67/KH-UBND",
    documentDate: "2025-10-24",
    year: 2025,
    communeName: "Diên Khánh",
    sections: 25,
    tasks: 65,
    indicators: 10,
    codes: [
      "A", "I", "1", "2", "3", "4", "5", "II", "1", "III", "1", "2", "3", "IV", "1", "2", "3", "4",
      "5", "6", "7", "V", "1", "1.1", "1.2", "2", "3", "4", "VI", "1", "2", "3", "4", "VII", "1", "2",
      "3", "4", "5", "6", "7", "VIII", "1", "2", "3", "4", "5", "6", "7", "IX", "1", "2", "B", "I",
      "1", "1.1", "1.2", "1.3", "1.4", "2", "2.1", "2.2", "II", "1", "1.1", "1.2", "1.3", "2", "2.1",
      "2.2", "2.3", "2.4", "3", "3.1", "3.2", "3.3", "3.4", "4", "4.1", "4.2", "5", "5.1", "5.2",
      "5.3",
    ],
    paths: [
      "A", "A.I", "A.I.1", "A.I.2", "A.I.3", "A.I.4", "A.I.5", "A.II", "A.II.1", "A.III", "A.III.1",
      "A.III.2", "A.III.3", "A.IV", "A.IV.1", "A.IV.2", "A.IV.3", "A.IV.4", "A.IV.5", "A.IV.6",
      "A.IV.7", "A.V", "A.V.1", "A.V.1.1", "A.V.1.2", "A.V.2", "A.V.3", "A.V.4", "A.VI", "A.VI.1",
      "A.VI.2", "A.VI.3", "A.VI.4", "A.VII", "A.VII.1", "A.VII.2", "A.VII.3", "A.VII.4", "A.VII.5",
      "A.VII.6", "A.VII.7", "A.VIII", "A.VIII.1", "A.VIII.2", "A.VIII.3", "A.VIII.4", "A.VIII.5",
      "A.VIII.6", "A.VIII.7", "A.IX", "A.IX.1", "A.IX.2", "B", "B.I", "B.I.1", "B.I.1.1", "B.I.1.2",
      "B.I.1.3", "B.I.1.4", "B.I.2", "B.I.2.1", "B.I.2.2", "B.II", "B.II.1", "B.II.1.1", "B.II.1.2",
      "B.II.1.3", "B.II.2", "B.II.2.1", "B.II.2.2", "B.II.2.3", "B.II.2.4", "B.II.3", "B.II.3.1",
      "B.II.3.2", "B.II.3.3", "B.II.3.4", "B.II.4", "B.II.4.1", "B.II.4.2", "B.II.5", "B.II.5.1",
      "B.II.5.2", "B.II.5.3",
    ],
  },
};
