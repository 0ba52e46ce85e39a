// The yardstick of `npm run bench -- http`: a bare Next.js app (no database, no auth, no i18n),
// built with the same Next.js and served on the same machine right before each measured page.
export default function RootLayout({ children }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
