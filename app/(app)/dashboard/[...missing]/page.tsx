import { notFound } from "next/navigation";

// An unknown address under this section: the app's not-found page, inside the shell.
export default function Missing() {
  notFound();
}
