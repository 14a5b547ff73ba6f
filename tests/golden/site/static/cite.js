// "Cite this record": add a Copy button beside the citation. The citation is plain text in a
// <pre> that readers can select without JavaScript; this only saves them the selecting.
const citation = document.getElementById("cite-text");
if (citation && navigator.clipboard) {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "button button--secondary cite__copy";
  button.textContent = "Copy citation";
  const status = document.createElement("span");
  status.className = "cite__status";
  status.setAttribute("role", "status");
  button.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(citation.textContent);
      status.textContent = "Copied.";
    } catch {
      status.textContent = "Could not copy: select the text instead.";
    }
  });
  citation.after(button, status);
}
