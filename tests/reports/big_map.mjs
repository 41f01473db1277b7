// big_map.mjs — writes a generated map for the report layout test: 40 touchpoints over 10
// stages, with long titles (two of them one unbroken word), every emotion from -2 to 2 (several touchpoints on the same
// value in one stage, so their labels compete for room), pains, delights, moments of truth,
// KPIs and two journeys that branch and loop back. Deterministic: no randomness.
const stageTitles = [
  "Discovering the service through a friend", "Comparing the offers side by side",
  "Signing the contract and paying the deposit", "Waiting-list and first appointment",
  "Onboarding and setting up the account", "Everyday use during the first year",
  "Getting help when something goes wrong", "Six-month check-up and review",
  "Renewal, upgrade or cancellation", "Recommending-the-service-to-friends-and-family",
];
const touchpointWords = [
  "Waiting-list voicemail with no call back", "Hospital food and visiting hours leaflet",
  "Six-month check-up reminder by letter", "Portal password reset that never arrives",
  "Escalation to a senior case manager", "New-release webinar for administrators",
  "Long form asking for the same details twice", "Friendly courier who explains everything",
  "Re-registration-confirmation-letter-with-no-spaces-at-all",
];

export function bigMap() {
  const lines = ['map big "Generated map: forty touchpoints over ten stages" { owner: ops }', "",
    'team ops "Operations and service delivery"', 'team care "Customer care"', "",
    'persona first "First-time customer with a long title for the heat map"',
    'persona regular "Regular customer who has been with us for years"', ""];
  let n = 0;
  const ids = [];
  stageTitles.forEach((title, s) => {
    lines.push(`stage s${s} "${title}" {`);
    lines.push(`  owner: ${s % 2 ? "care" : "ops"}`);
    lines.push(`  emotion: ${[-1, 0, -2, -1, 1, 0, -2, 1, -1, 2][s]}`);
    lines.push(`  aspiration: ${[1, 1, 1, 2, 2, 1, 1, 2, 1, 2][s]}`);
    if (s === 6) lines.push("  loops: s3");
    for (let t = 0; t < 4; t++, n++) {
      const id = `t${n}`;
      ids.push(id);
      const emotion = [-2, -1, -1, 0, 1, 2, -2, 0][(n * 3 + t) % 8];
      const flags = [];
      if (n % 5 === 0) flags.push(`pain: "It takes far too long and nobody says why"`);
      if (n % 7 === 3) flags.push(`delight: "Someone remembered them by name"`);
      if (n % 6 === 2) flags.push("truth");
      if (n % 9 !== 4) flags.push(`emotion: ${emotion}`);
      if (n % 3 === 0) flags.push(`effort: ${1 + (n % 5)}`);
      lines.push(`  touchpoint ${id} "${touchpointWords[n % touchpointWords.length]} (${n + 1})" {`
                 + ` channel: web  owner: ${n % 4 ? "ops" : "care"}  ${flags.join("  ")} }`);
    }
    if (s % 3 === 0) lines.push(`  kpi csat { target: 4.5  every: monthly  owner: ops  why: "Watch it" }`);
    lines.push("}", "");
  });
  // Journeys: a main chain with branches off it, and a loop back to the waiting list.
  lines.push('journey main "Regular customer, main path with branches" for regular {');
  lines.push(`  ${ids.filter((_, i) => i % 4 === 0).join(" -> ")}`);
  lines.push("  t4 -> t6 [rate: 30%, after: 2d] -> t9");
  lines.push("  t24 -> t14 [rate: 10%]");
  lines.push("  t25 -> t26 -> t27");
  lines.push("}", "");
  lines.push('journey other "First-time customer who gets lost" for first {');
  lines.push("  t1 -> t5 -> t10 -> t15 [rate: 50%] -> t18");
  lines.push("  t10 -> t13 [after: 1w]");
  lines.push("}", "");
  return lines.join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) process.stdout.write(bigMap());
