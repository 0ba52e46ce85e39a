"use client";

import { useState, type RefObject } from "react";
import { Button } from "@/components/ui/button";
import { copyToClipboard, selectContents } from "./clipboard";

type Props = {
  text: string;
  label: string;
  /** Announced (aria-live) once the text is on the clipboard. */
  copied: string;
  /** Announced when the browser refuses the clipboard and the text is selected instead. */
  selected: string;
  /** What to select when copying is refused. */
  fallback: RefObject<HTMLElement | null>;
};

/** Copies a text and says so in a live region, which exists before the first click so screen readers hear it. */
export function CopyButton({ text, label, copied, selected, fallback }: Props) {
  const [message, setMessage] = useState("");
  return (
    <div className="flex flex-col items-start gap-1">
      <Button
        variant="secondary"
        className="print:hidden"
        onClick={async () => {
          // Emptied first, so a second copy is announced again.
          setMessage("");
          if (await copyToClipboard(text)) {
            setMessage(copied);
          } else {
            selectContents(fallback.current);
            setMessage(selected);
          }
        }}
      >
        {label}
      </Button>
      <p role="status" className="min-h-5 text-sm font-medium text-green-800 print:hidden">
        {message}
      </p>
    </div>
  );
}
