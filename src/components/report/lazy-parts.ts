"use client";

// Parts of a report row that most visits never show, loaded only where one is rendered
// (next/dynamic), so the commune's entry page keeps them out of its first-load JavaScript
// (issue 21's budget): a save conflict, the prompt for last year's figure, and the reviewer's
// row comments and changes since a return.
import dynamic from "next/dynamic";

export const ConflictPanel = dynamic(() => import("./conflict-panel").then((m) => m.ConflictPanel));
export const BaselinePrompt = dynamic(() => import("./baseline-prompt").then((m) => m.BaselinePrompt));
export const RowComment = dynamic(() => import("@/components/review/row-review").then((m) => m.RowComment));
export const ChangedSinceReturn = dynamic(() => import("@/components/review/row-review").then((m) => m.ChangedSinceReturn));
