"use client";

import { databaseUnavailableDigest } from "@/lib/db/errors";

// Last resort when the root layout itself fails: no translations are loaded, so it speaks all three languages.
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const unavailable = error.digest === databaseUnavailableDigest;
  return (
    <html lang="fr">
      <body style={{ fontFamily: "system-ui, sans-serif", padding: 24 }}>
        <main>
          <h1>Passerelle</h1>
          {unavailable ? (
            <p>
              Passerelle est momentanément indisponible, réessayez dans une minute. · Passerelle ist vorübergehend nicht
              verfügbar, versuchen Sie es in einer Minute noch einmal. · Passerelle is temporarily unavailable, try again
              in a minute.
            </p>
          ) : (
            <p>Une erreur est survenue. · Ein Fehler ist aufgetreten. · Something went wrong.</p>
          )}
          <button type="button" onClick={() => (unavailable ? window.location.reload() : reset())} style={{ minHeight: 44, padding: "8px 16px" }}>
            Réessayer · Erneut versuchen · Try again
          </button>
        </main>
      </body>
    </html>
  );
}
