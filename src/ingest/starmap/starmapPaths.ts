// Where Starmap puts its pages, and how their relative links resolve. The generator writes
// authors/<author>/models/<model>.md and providers/<provider>/models/<model>.md, keeping "/" in a model
// id as folders (getModelFilePath), while links to model pages flatten the id (formatModelID).

/** An id made from a display name, the way Starmap's ids look ("Google AI Studio" → "google-ai-studio"). */
export function slugOf(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** Starmap's formatModelID: the file name a link gives a model page ("openai/gpt-oss" → "openai-gpt-oss"). */
export function linkFileNameOf(modelId: string): string {
  return modelId.replace(/[/: ]/g, "-").replace(/@/g, "-at-").toLowerCase();
}

/** Starmap's getModelFilePath: where a model's page lives under a models/ folder ("openai/gpt-oss" → "openai/gpt-oss.md"). */
export function modelPagePath(modelId: string): string {
  const parts = modelId.split("/");
  const file = parts.pop()!.replace(/[: ]/g, "-").replace(/@/g, "-at-").toLowerCase();
  return [...parts, `${file}.md`].join("/");
}

/** The parts of a page path relative to the Starmap root, when it has one of the generator's shapes. */
export function pathShape(origin: string): { section: "authors" | "providers"; owner: string; model?: string } | undefined {
  const path = origin.replace(/\\/g, "/").replace(/^(\.\/)+/, "");
  const match = /(?:^|\/)(authors|providers)\/([^/]+)\/(?:models\/(.+)\.md|README\.md|_index\.md)$/.exec(path);
  if (!match) return undefined;
  return { section: match[1] as "authors" | "providers", owner: match[2], model: match[3] };
}

/** The page's own path relative to the Starmap root, for resolving its links. */
export function rootRelativePath(origin: string): string | undefined {
  const path = origin.replace(/\\/g, "/").replace(/^(\.\/)+/, "");
  const match = /(?:^|\/)((?:authors|providers)\/[^/]+\/(?:models\/.+\.md|README\.md|_index\.md))$/.exec(path);
  return match?.[1];
}

/**
 * A relative link resolved against the page's path, as a path from the Starmap root; a folder link
 * ("../authors/openai/") names the folder's README.md. Undefined for absolute URLs, anchors, and links
 * that climb above the root.
 */
export function resolveLink(pagePath: string, href: string): string | undefined {
  if (href === "" || /^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith("#") || href.startsWith("/")) return undefined;
  const parts = pagePath.split("/").slice(0, -1);
  for (const segment of href.split("#")[0].split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else parts.push(segment);
  }
  const target = parts.join("/");
  if (target === "") return "README.md";
  return href.endsWith("/") || !/\.[a-z0-9]+$/i.test(target) ? `${target}/README.md` : target;
}

/** The provider and model file a link to a provider's model page names ("../providers/groq/models/x.md"). */
export function providerModelLink(href: string): { providerId: string; fileName: string } | undefined {
  const match = /(?:^|\/)providers\/([^/]+)\/models\/(.+)\.md$/.exec(href);
  return match ? { providerId: match[1], fileName: match[2] } : undefined;
}

/** The author a link to an author's folder names ("../../../authors/openai/" → "openai"). */
export function authorLink(href: string): string | undefined {
  return /(?:^|\/)authors\/([^/]+)\/?(?:README\.md|_index\.md)?$/.exec(href)?.[1];
}
