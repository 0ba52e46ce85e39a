"use client";

import dynamic from "next/dynamic";

// The charts are drawn in the browser only. They are hidden from assistive technology and sit
// beside tables with the same figures, so the server has nothing to render for them: rendering
// recharts on the server cost the dashboard most of its Node.js time per view (HTTP bench), and
// its script now loads after the page instead of before it. The placeholder keeps the chart's
// height so nothing moves when it appears.
export const TicketAgeChart = dynamic(() => import("./charts").then((m) => m.TicketAgeChart), { ssr: false, loading: () => <div aria-hidden="true" className="h-72 w-full" /> });
export const BurnDownChart = dynamic(() => import("./charts").then((m) => m.BurnDownChart), { ssr: false, loading: () => <div aria-hidden="true" className="h-64 w-full" /> });
