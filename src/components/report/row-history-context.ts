"use client";

// Whether a report form's rows load their history when a panel is opened (the commune's own
// page) or were sent it with the page (the reviewer's view). Apart from ./row-history so that
// the history panel's code stays out of the page's first load (it comes with the opened panel).
import { createContext, createElement, useContext } from "react";

const OnDemand = createContext(false);

export function useRowHistoryOnDemand() {
  return useContext(OnDemand);
}

/** Wraps a report form whose rows' history is loaded when opened (the page sent none). */
export function RowHistoryOnDemand({ children }: { children: React.ReactNode }) {
  return createElement(OnDemand, { value: true }, children);
}
