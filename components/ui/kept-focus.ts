import { useEffect, type MouseEvent, type RefObject } from "react";

// Forms disable their button while the server works (no second submission), and a disabled button
// loses the keyboard's focus to the page: a person on the keyboard or a screen reader would start
// again from the top after every save. The button they pressed is remembered by its words and place
// (the n-th button with these words on the page: a form that comes again with the page's new render
// is new elements) on its page, until they choose another place: a click or tap anywhere, the focus
// elsewhere. A button that led to another page leaves the keyboard at that page's start, even where
// it has the same button (an agent's "Send and resolve" opens the next ticket). Read only in events
// and effects, so outside React's state. A button that is gone once the answer has come (its form
// replaced by the outcome) hands the keyboard to the outcome's message, the first that came or
// changed with the answer (a screen reader reads it next), or else to the page's main content, not to
// the page's start.
const pressed: { words: string | null; nth: number; page: string; button: HTMLButtonElement | null; messages: WeakMap<Element, string> } = {
  words: null,
  nth: 0,
  page: "",
  button: null,
  messages: new WeakMap(),
};

/** The page's messages (components/ui/notice.tsx, form errors): status and alert boxes in the main content. */
const messagesOfPage = () => [...document.querySelectorAll("#main [role=status], #main [role=alert]")];

/** What a message says, as compared before and after the answer. */
const said = (message: Element) => (message.textContent ?? "").trim();

/**
 * The pressed button is gone: the keyboard goes to a message the answer brought or changed (into
 * view; a result region that is always there, as the queue's bulk bar's, says something new), or
 * to the main content.
 */
function focusOutcome() {
  const message = messagesOfPage().find((m): m is HTMLElement => m instanceof HTMLElement && said(m) !== "" && pressed.messages.get(m) !== said(m));
  if (!message) return document.getElementById("main")?.focus({ preventScroll: true });
  if (!message.hasAttribute("tabindex")) message.tabIndex = -1;
  message.focus();
}

const currentPage = () => `${location.pathname}${location.search}`;
let listening = false;

/** The person chose another place (or another page shows): nothing to give back. */
function forget() {
  Object.assign(pressed, { words: null, button: null });
}

/** The page's buttons with these words, in the page's order. */
function buttonsWith(words: string | null): HTMLButtonElement[] {
  return [...document.querySelectorAll("button")].filter((b) => b.textContent === words);
}

/** Which of the page's buttons with the same words this one is. */
function placeOf(button: HTMLButtonElement): number {
  return buttonsWith(button.textContent).indexOf(button);
}

function remember(button: HTMLButtonElement) {
  Object.assign(pressed, { words: button.textContent, nth: placeOf(button), page: currentPage(), button, messages: new WeakMap(messagesOfPage().map((m) => [m, said(m)])) });
  if (listening) return;
  listening = true;
  document.addEventListener("pointerdown", forget, true);
  document.addEventListener(
    "focusin",
    (event) => {
      if (!(event.target instanceof HTMLButtonElement && event.target.textContent === pressed.words)) forget();
    },
    true,
  );
}

/**
 * For a button that may be disabled while its action runs: pressed while it had the focus, it gets
 * the focus back once it can be used again (also as the same button of a form rendered anew), if
 * the focus has gone nowhere else meanwhile. Returns the button's click handler.
 */
export function useKeptFocus(ref: RefObject<HTMLButtonElement | null>, onClick?: (event: MouseEvent<HTMLButtonElement>) => void) {
  useEffect(() => {
    const button = ref.current;
    if (pressed.words !== null && currentPage() !== pressed.page) forget();
    if (button === null || button.textContent !== pressed.words || button.matches(":disabled")) return;
    const active = document.activeElement;
    if ((active === null || active === document.body) && placeOf(button) === pressed.nth) {
      pressed.button = button;
      button.focus({ preventScroll: true });
    }
  });
  useEffect(() => {
    const button = ref.current;
    return () => {
      if (button === null || pressed.button !== button) return;
      // Gone: after this commit, unless the same button came again (it takes the focus when usable).
      requestAnimationFrame(() => {
        const active = document.activeElement;
        if (pressed.button !== button || pressed.words === null || currentPage() !== pressed.page || (active !== null && active !== document.body)) return;
        if (buttonsWith(pressed.words)[pressed.nth] === undefined) focusOutcome();
      });
    };
  }, [ref]);
  const press = (event: MouseEvent<HTMLButtonElement>) => {
    if (document.activeElement === event.currentTarget) remember(event.currentTarget);
    onClick?.(event);
  };
  return press;
}
