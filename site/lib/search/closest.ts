/** Placeholder until the category model lands: "closest categories" is off when the build emits no model. */
export async function suggestClosest(_modelUrl: string, _text: string): Promise<string[]> {
  return [];
}
