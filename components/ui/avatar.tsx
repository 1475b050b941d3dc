"use client";
import { useState } from "react";
import { initialOf } from "./initial";

/**
 * The user's picture, or the first character (grapheme: see initialOf) of their name when there is none or it fails to load.
 * Only http(s) images are loaded, without a referrer, so an avatar host does not learn which admin
 * page was open.
 */
const sizes = { sm: "size-7 text-[13px]", lg: "size-12 text-xl" } as const;

export function Avatar({ name, email, image, size = "sm" }: { name: string; email: string; image: string | null; size?: "sm" | "lg" }) {
  const [failed, setFailed] = useState(false);
  const initial = initialOf(name, email);
  const src = !failed && image && /^https?:\/\//i.test(image) ? image : null;
  return (
    // "avatar" names the element for the browser tests (no CSS of its own).
    <span className={`avatar ${sizes[size]} inline-flex flex-none items-center justify-center overflow-hidden rounded-full bg-accent font-semibold text-primary`} aria-hidden="true">
      {src ? (
        <img
          src={src}
          alt=""
          className="size-full object-cover"
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
