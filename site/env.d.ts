/// <reference types="astro/client" />

interface ImportMetaEnv {
  /** Build-time: a search server endpoint; unset = static Pagefind search in the browser. */
  readonly PUBLIC_TALDAU_SEARCH_ENDPOINT?: string;
}
