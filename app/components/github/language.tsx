// A repository's main language with GitHub's colour for it (from github-linguist's languages.yml;
// the common ones — others get a neutral dot).
const COLORS: Record<string, string> = {
  C: "#555555",
  "C#": "#178600",
  "C++": "#f34b7d",
  Clojure: "#db5855",
  CoffeeScript: "#244776",
  CSS: "#663399",
  Dart: "#00B4AB",
  Dockerfile: "#384d54",
  Elixir: "#6e4a7e",
  Go: "#00ADD8",
  HCL: "#844FBA",
  Haskell: "#5e5086",
  HTML: "#e34c26",
  Java: "#b07219",
  JavaScript: "#f1e05a",
  "Jupyter Notebook": "#DA5B0B",
  Kotlin: "#A97BFF",
  Lua: "#000080",
  Markdown: "#083fa1",
  Nix: "#7e7eff",
  "Objective-C": "#438eff",
  Perl: "#0298c3",
  PHP: "#4F5D95",
  Python: "#3572A5",
  R: "#198CE7",
  Ruby: "#701516",
  Rust: "#dea584",
  Scala: "#c22d40",
  Shell: "#89e051",
  Swift: "#F05138",
  TypeScript: "#3178c6",
  Vue: "#41b883",
  Zig: "#ec915c",
};

export function Language({ name }: { name: string }) {
  const color = COLORS[name];
  return (
    <span className="language" style={color ? ({ "--language-color": color } as React.CSSProperties) : undefined}>
      {name}
    </span>
  );
}
