"use client";

// Parts of a report row that most visits never show, loaded only where one is rendered, so the
// commune's entry page keeps them out of its first-load JavaScript (issue 21's budget): a save
// conflict, the prompt for last year's figure, and the reviewer's row comments and changes
// since a return. React.lazy rather than next/dynamic: next/dynamic's own loader runtime is
// ~2.5 KB gzip of first-load JavaScript, the margin this page has.
import { lazy, Suspense, type FunctionComponent } from "react";

function deferred<P extends object>(load: () => Promise<FunctionComponent<P>>) {
  const Lazy = lazy(async () => ({ default: await load() }));
  return function Deferred(props: P) {
    return (
      <Suspense fallback={null}>
        <Lazy {...props} />
      </Suspense>
    );
  };
}

export const ConflictPanel = deferred(() => import("./conflict-panel").then((m) => m.ConflictPanel));
export const BaselinePrompt = deferred(() => import("./baseline-prompt").then((m) => m.BaselinePrompt));
export const RowComment = deferred(() => import("@/components/review/row-review").then((m) => m.RowComment));
export const ChangedSinceReturn = deferred(() => import("@/components/review/row-review").then((m) => m.ChangedSinceReturn));
/** Only the reviewer's view shows these: the commune's page never loads their code. */
export const SinceReturnNote = deferred(() => import("./review-parts").then((m) => m.SinceReturnNote));
export const RowCommentInputs = deferred(() => import("./review-parts").then((m) => m.RowCommentInputs));
