"use client";

import { useRef, type ButtonHTMLAttributes } from "react";
import { buttonClass, type ButtonVariant } from "./button-class";
import { useKeptFocus } from "./kept-focus";

/** A button; pressed from the keyboard and disabled while its action runs, it keeps the focus (kept-focus.ts). */
export function Button({ variant = "primary", className = "", type = "button", onClick, ...props }: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: ButtonVariant }) {
  const ref = useRef<HTMLButtonElement>(null);
  const press = useKeptFocus(ref, onClick);
  return <button ref={ref} type={type} className={buttonClass(variant, className)} onClick={press} {...props} />;
}
