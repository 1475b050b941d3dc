// Tailwind CSS v4 through PostCSS (what Next's CSS pipeline runs); no tailwind.config: the theme is in app/globals.css.
export default { plugins: { "@tailwindcss/postcss": {} } };
