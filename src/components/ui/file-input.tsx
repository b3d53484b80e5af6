"use client";

// Issue 17: the one file picker of the application, in Vietnamese ("Chọn tệp…", "Chưa chọn tệp
// nào") rather than the browser's "Choose File / No file chosen". The native input stays in the
// form (keyboard focus, required, accept); only its English face is hidden.
import { useEffect, useRef, useState } from "react";

export function FileInput({ id, name, accept, required, multiple, describedBy, className = "" }: { id: string; name: string; accept?: string; required?: boolean; multiple?: boolean; describedBy?: string; className?: string }) {
  const ref = useRef<HTMLInputElement>(null);
  const [chosen, setChosen] = useState("");
  useEffect(() => {
    // A form reset after an upload empties the input: say so.
    const form = ref.current?.form;
    if (!form) return;
    const reset = () => setChosen("");
    form.addEventListener("reset", reset);
    return () => form.removeEventListener("reset", reset);
  }, []);
  return (
    <div className={`flex flex-wrap items-center gap-2 ${className}`}>
      <input
        ref={ref}
        id={id}
        name={name}
        type="file"
        accept={accept}
        required={required}
        multiple={multiple}
        aria-describedby={describedBy}
        className="peer sr-only"
        onChange={(e) => setChosen(Array.from(e.target.files ?? [], (f) => f.name).join(", "))}
      />
      <label htmlFor={id} className="btn cursor-pointer px-2 py-1 text-xs peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-blue-700">
        Chọn tệp…
      </label>
      <span className="min-w-0 break-all text-xs text-slate-700" aria-live="polite">
        {chosen || "Chưa chọn tệp nào"}
      </span>
    </div>
  );
}
