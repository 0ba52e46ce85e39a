"use client";

// Last resort when the root layout itself fails: no translations are loaded, so it speaks all three languages.
export default function GlobalError({ reset }: { error: Error; reset: () => void }) {
  return (
    <html lang="fr">
      <body style={{ fontFamily: "system-ui, sans-serif", padding: 24 }}>
        <main>
          <h1>Passerelle</h1>
          <p>Une erreur est survenue. · Ein Fehler ist aufgetreten. · Something went wrong.</p>
          <button type="button" onClick={reset} style={{ minHeight: 44, padding: "8px 16px" }}>
            Réessayer · Erneut versuchen · Try again
          </button>
        </main>
      </body>
    </html>
  );
}
