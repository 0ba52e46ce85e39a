import { forwardRef, type InputHTMLAttributes } from "react";
import { TextField } from "@/components/ui/text-field";

type Props = InputHTMLAttributes<HTMLInputElement> & { id: string; label: string; hint?: string; error?: string };

/** "How can IT reach you?": a phone input that opens the phone keypad and offers the saved number. */
export const PhoneField = forwardRef<HTMLInputElement, Props>(function PhoneField(props, ref) {
  return <TextField ref={ref} type="tel" inputMode="tel" autoComplete="tel" maxLength={40} {...props} />;
});
