"use client";
import { useState } from "react";
import { initialOf } from "./initial";

/**
 * The user's picture, or the first character (grapheme: see initialOf) of their name when there is none or it fails to load.
 * Only http(s) images are loaded, without a referrer, so an avatar host does not learn which admin
 * page was open.
 */
export function Avatar({ name, email, image, size = "sm" }: { name: string; email: string; image: string | null; size?: "sm" | "lg" }) {
  const [failed, setFailed] = useState(false);
  const initial = initialOf(name, email);
  const src = !failed && image && /^https?:\/\//i.test(image) ? image : null;
  return (
    <span className={`avatar avatar-${size}`} aria-hidden="true">
      {src ? (
        <img
          src={src}
          alt=""
          referrerPolicy="no-referrer"
          loading="lazy"
          decoding="async"
          onError={() => setFailed(true)}
          // An image that failed before hydration fired its error event before React listened.
          ref={(el) => {
            if (el?.complete && el.naturalWidth === 0) setFailed(true);
          }}
        />
      ) : (
        initial
      )}
    </span>
  );
}
