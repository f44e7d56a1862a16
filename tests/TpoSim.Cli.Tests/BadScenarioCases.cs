namespace TpoSim.Cli.Tests;

/// <summary>One deliberately broken scenario: the JSON path and allowed values its single error line must name.</summary>
/// <param name="Id">Case name (also the file name).</param>
/// <param name="Json">Scenario text.</param>
/// <param name="Path">JSON path the error must name.</param>
/// <param name="Allowed">Text naming the allowed range or values that the error must contain.</param>
/// <param name="SchemaCanTell">False when the problem needs two fields at once (e.g. a day after simulation.days), which JSON Schema cannot express.</param>
internal sealed record BadScenario(string Id, string Json, string Path, string Allowed, bool SchemaCanTell = true)
{
    public override string ToString() => Id;
}

/// <summary>The bad-input classes of the scenario format, each with exactly one problem.</summary>
internal static class BadScenarioCases
{
    private const string Dose = "\"drug\": \"rhTPO\", \"route\": \"iv\", \"unit\": \"ug/kg\"";
    private const string ConditionNames = "healthy, chronicLiverDisease, itp, aplasticAnaemia, camt, mds, essentialThrombocythaemia, hereditaryThrombocythaemia, inflammation, neonate";
    private const string EventTypes = "plateletTransfusion, setParameter, bleeding, splenectomy, liverTransplant, partialHepatectomy, chemotherapy, radiation";
    private const string Carbo = "\"type\": \"chemotherapy\", \"day\": 1";

    public static readonly BadScenario[] All =
    [
        new("unknown-top-field", """{ "name": "x", "nmae": "typo" }""", "$.nmae", "allowed: name, description, patient, simulation, doses, events, titration, pk"),
        new("unknown-patient-field", """{ "patient": { "weight": 70 } }""", "$.patient.weight", "allowed: weightKg, sex, ageGroup, condition, conditions, parameters"),
        new("weight-too-high", """{ "patient": { "weightKg": 700 } }""", "$.patient.weightKg", "[0.5, 250] kg"),
        new("weight-zero", """{ "patient": { "weightKg": 0 } }""", "$.patient.weightKg", "[0.5, 250] kg"),
        new("weight-as-text", """{ "patient": { "weightKg": "70" } }""", "$.patient.weightKg", "[0.5, 250] kg"),
        new("unknown-sex", """{ "patient": { "sex": "F" } }""", "$.patient.sex", "allowed: female, male"),
        new("unknown-age-group", """{ "patient": { "ageGroup": "child" } }""", "$.patient.ageGroup", "allowed: adult, neonate"),
        new("unknown-condition", """{ "patient": { "condition": { "name": "lupus" } } }""", "$.patient.condition.name", "allowed: " + ConditionNames),
        new("severity-out-of-range", """{ "patient": { "condition": { "name": "healthy", "severity": 2 } } }""", "$.patient.condition.severity", "[0, 1]"),
        new("unknown-parameter", """{ "patient": { "parameters": { "plateletLifespan": 9 } } }""", "$.patient.parameters.plateletLifespan", "tposim parameters"),
        new("parameter-out-of-range", """{ "patient": { "parameters": { "kon": 1000 } } }""", "$.patient.parameters.kon", "[0.01, 100] 1/(pM·day)"),
        new("parameter-not-a-number", """{ "patient": { "parameters": { "koff": "fast" } } }""", "$.patient.parameters.koff", "[1, 1000] 1/day"),
        new("days-zero", """{ "simulation": { "days": 0 } }""", "$.simulation.days", "[0.01, 7300] days"),
        new("days-negative", """{ "simulation": { "days": -5 } }""", "$.simulation.days", "[0.01, 7300] days"),
        new("days-too-many", """{ "simulation": { "days": 7301 } }""", "$.simulation.days", "[0.01, 7300] days"),
        new("output-step-too-small", """{ "simulation": { "days": 7300, "outputEveryDays": 0.001 } }""", "$.simulation.outputEveryDays", "allowed ≥ 0.0073", SchemaCanTell: false),
        new("output-step-below-minimum", """{ "simulation": { "days": 1, "outputEveryDays": 0.0001 } }""", "$.simulation.outputEveryDays", "[0.001, 7300] days"),
        new("unknown-solver", """{ "simulation": { "solver": "euler" } }""", "$.simulation.solver", "allowed: rodas5p, dopri5, auto"),
        new("event-after-end", """{ "simulation": { "days": 10 }, "events": [ { "type": "plateletTransfusion", "day": 12, "units": 1 } ] }""", "$.events[0].day", "[0, 10] days", SchemaCanTell: false),
        new("event-negative-day", """{ "events": [ { "type": "plateletTransfusion", "day": -1, "units": 1 } ] }""", "$.events[0].day", "[0, 60] days"),
        new("transfusion-both", """{ "events": [ { "type": "plateletTransfusion", "day": 2, "units": 1, "plateletsE9": 300 } ] }""", "$.events[0]", "exactly one of 'units'"),
        new("transfusion-neither", """{ "events": [ { "type": "plateletTransfusion", "day": 2 } ] }""", "$.events[0]", "exactly one of 'units'"),
        new("transfusion-too-large", """{ "events": [ { "type": "plateletTransfusion", "day": 2, "plateletsE9": 9000 } ] }""", "$.events[0].plateletsE9", "(0, 6000]"),
        new("transfusion-units-zero", """{ "events": [ { "type": "plateletTransfusion", "day": 2, "units": 0 } ] }""", "$.events[0].units", "(0, 20]"),
        new("unknown-event-type", """{ "events": [ { "type": "haemorrhage", "day": 2 } ] }""", "$.events[0].type", "allowed: " + EventTypes),
        new("event-type-missing", """{ "events": [ { "day": 2, "units": 1 } ] }""", "$.events[0].type", "allowed: " + EventTypes),
        new("unknown-event-field", """{ "events": [ { "type": "setParameter", "day": 2, "parameter": "kon", "value": 1, "units": 1 } ] }""", "$.events[0].units", "allowed: type, day, parameter, value"),
        new("set-unknown-parameter", """{ "events": [ { "type": "setParameter", "day": 2, "parameter": "bogus", "value": 1 } ] }""", "$.events[0].parameter", "tposim parameters"),
        new("set-parameter-out-of-range", """{ "events": [ { "type": "setParameter", "day": 2, "parameter": "extraRemovalRate", "value": 99 } ] }""", "$.events[0].value", "[0, 50] 1/day"),
        new("unknown-drug", """{ "doses": [ { "drug": "aspirin", "route": "iv", "amount": 1, "unit": "mg", "day": 1 } ] }""", "$.doses[0].drug", "allowed: rhTPO"),
        new("route-not-for-drug", """{ "doses": [ { "drug": "rhTPO", "route": "oral", "amount": 1, "unit": "ug/kg", "day": 1 } ] }""", "$.doses[0].route", "allowed: iv"),
        new("unknown-route", """{ "doses": [ { "drug": "rhTPO", "route": "im", "amount": 1, "unit": "ug/kg", "day": 1 } ] }""", "$.doses[0].route", "allowed: iv, sc, oral"),
        new("unknown-unit", """{ "doses": [ { "drug": "rhTPO", "route": "iv", "amount": 1, "unit": "g", "day": 1 } ] }""", "$.doses[0].unit", "allowed: mg, ug, ug/kg"),
        new("dose-zero", $$"""{ "doses": [ { {{Dose}}, "amount": 0, "day": 1 } ] }""", "$.doses[0].amount", "(0, 10] ug/kg"),
        new("dose-negative", $$"""{ "doses": [ { {{Dose}}, "amount": -1, "day": 1 } ] }""", "$.doses[0].amount", "(0, 10] ug/kg"),
        new("dose-absurd", $$"""{ "doses": [ { {{Dose}}, "amount": 1000, "day": 1 } ] }""", "$.doses[0].amount", "(0, 10] ug/kg"),
        new("dose-absurd-mg", """{ "doses": [ { "drug": "rhTPO", "route": "iv", "unit": "mg", "amount": 5, "day": 1 } ] }""", "$.doses[0].amount", "(0, 2.5] mg"),
        new("dose-amount-missing", $$"""{ "doses": [ { {{Dose}}, "day": 1 } ] }""", "$.doses[0].amount", "(0, 10] ug/kg"),
        new("dose-after-end", $$"""{ "simulation": { "days": 10 }, "doses": [ { {{Dose}}, "amount": 1, "day": 11 } ] }""", "$.doses[0].day", "[0, 10] days", SchemaCanTell: false),
        new("count-without-every", $$"""{ "doses": [ { {{Dose}}, "amount": 1, "day": 1, "count": 3 } ] }""", "$.doses[0].everyDays", "> 0"),
        new("count-zero", $$"""{ "doses": [ { {{Dose}}, "amount": 1, "day": 1, "count": 0 } ] }""", "$.doses[0].count", "[1, 10000]"),
        new("count-fraction", $$"""{ "doses": [ { {{Dose}}, "amount": 1, "day": 1, "everyDays": 1, "count": 2.5 } ] }""", "$.doses[0].count", "[1, 10000]"),
        new("every-too-small", $$"""{ "doses": [ { {{Dose}}, "amount": 1, "day": 1, "everyDays": 0.001 } ] }""", "$.doses[0].everyDays", "[0.01, 7300] days"),
        new("doses-past-end", $$"""{ "simulation": { "days": 60 }, "doses": [ { {{Dose}}, "amount": 1, "day": 1, "everyDays": 7, "count": 30 } ] }""", "$.doses[0].count", "allowed ≤ 9", SchemaCanTell: false),
        new("unknown-dose-field", $$"""{ "doses": [ { {{Dose}}, "amount": 1, "day": 1, "ii": 7 } ] }""", "$.doses[0].ii", "allowed: drug, route, amount, unit, day, everyDays, count"),
        new("doses-not-array", """{ "doses": { "drug": "rhTPO" } }""", "$.doses", "array"),
        new("root-not-object", """[ { "name": "x" } ]""", "$", "object"),
        // Conditions: presets, severity, Child-Pugh, per-preset options, the list form.
        new("condition-name-missing", """{ "patient": { "condition": { "severity": 0.5 } } }""", "$.patient.condition.name", "allowed: " + ConditionNames),
        new("condition-not-object", """{ "patient": { "condition": "itp" } }""", "$.patient.condition", "'name' and 'severity'"),
        new("unknown-condition-option", """{ "patient": { "condition": { "name": "itp", "splenectomized": true } } }""", "$.patient.condition.splenectomized", "allowed: name, severity, splenectomised, mkOutputImpairment"),
        new("option-of-another-condition", """{ "patient": { "condition": { "name": "mds", "splenectomised": true } } }""", "$.patient.condition.splenectomised", "allowed: name, severity"),
        new("child-pugh-outside-liver-disease", """{ "patient": { "condition": { "name": "itp", "childPugh": "B" } } }""", "$.patient.condition.childPugh", "allowed: name, severity, splenectomised, mkOutputImpairment"),
        new("child-pugh-unknown-class", """{ "patient": { "condition": { "name": "chronicLiverDisease", "childPugh": "D" } } }""", "$.patient.condition.childPugh", "allowed: A, B, C"),
        new("child-pugh-lowercase", """{ "patient": { "condition": { "name": "chronicLiverDisease", "childPugh": "c" } } }""", "$.patient.condition.childPugh", "allowed: A, B, C"),
        new("severity-and-child-pugh", """{ "patient": { "condition": { "name": "chronicLiverDisease", "severity": 0.5, "childPugh": "B" } } }""", "$.patient.condition.childPugh", "either 'severity' or 'childPugh'"),
        new("condition-severity-negative", """{ "patient": { "condition": { "name": "itp", "severity": -0.1 } } }""", "$.patient.condition.severity", "[0, 1]"),
        new("condition-and-conditions", """{ "patient": { "condition": { "name": "itp" }, "conditions": [ { "name": "mds" } ] } }""", "$.patient.conditions", "either 'condition' (one) or 'conditions' (a list)"),
        new("conditions-not-array", """{ "patient": { "conditions": { "name": "itp" } } }""", "$.patient.conditions", "array"),
        new("conditions-item-not-object", """{ "patient": { "conditions": [ "itp" ] } }""", "$.patient.conditions[0]", "'name' and 'severity'"),
        new("conditions-unknown-name", """{ "patient": { "conditions": [ { "name": "itp" }, { "name": "cirrhosis" } ] } }""", "$.patient.conditions[1].name", "allowed: " + ConditionNames),
        new("conditions-option-out-of-range", """{ "patient": { "conditions": [ { "name": "mds", "severity": 0.5 }, { "name": "itp", "mkOutputImpairment": 0.95 } ] } }""", "$.patient.conditions[1].mkOutputImpairment", "[0, 0.9]"),
        new("option-out-of-range", """{ "patient": { "condition": { "name": "itp", "mkOutputImpairment": 1 } } }""", "$.patient.condition.mkOutputImpairment", "[0, 0.9]"),
        new("option-negative", """{ "patient": { "condition": { "name": "itp", "mkOutputImpairment": -0.2 } } }""", "$.patient.condition.mkOutputImpairment", "[0, 0.9]"),
        new("flag-not-a-boolean", """{ "patient": { "condition": { "name": "itp", "splenectomised": "yes" } } }""", "$.patient.condition.splenectomised", "true or false"),
        new("flag-as-number", """{ "patient": { "condition": { "name": "itp", "splenectomised": 1 } } }""", "$.patient.condition.splenectomised", "true or false"),
        // Procedures.
        new("bleeding-over-60", """{ "events": [ { "type": "bleeding", "day": 2, "bloodLossPercent": 75 } ] }""", "$.events[0].bloodLossPercent", "(0, 60] % of blood volume"),
        new("bleeding-zero", """{ "events": [ { "type": "bleeding", "day": 2, "bloodLossPercent": 0 } ] }""", "$.events[0].bloodLossPercent", "(0, 60] % of blood volume"),
        new("bleeding-amount-missing", """{ "events": [ { "type": "bleeding", "day": 2 } ] }""", "$.events[0].bloodLossPercent", "(0, 60] % of blood volume"),
        new("bleeding-unknown-field", """{ "events": [ { "type": "bleeding", "day": 2, "bloodLossPercent": 20, "bloodLossMl": 1500 } ] }""", "$.events[0].bloodLossMl", "allowed: type, day, bloodLossPercent"),
        new("splenectomy-unknown-field", """{ "events": [ { "type": "splenectomy", "day": 2, "partial": true } ] }""", "$.events[0].partial", "allowed: type, day"),
        new("liver-transplant-unknown-field", """{ "events": [ { "type": "liverTransplant", "day": 2, "donor": "living" } ] }""", "$.events[0].donor", "allowed: type, day"),
        new("liver-transplant-after-end", """{ "simulation": { "days": 30 }, "events": [ { "type": "liverTransplant", "day": 31 } ] }""", "$.events[0].day", "[0, 30] days", SchemaCanTell: false),
        new("hepatectomy-over-75", """{ "events": [ { "type": "partialHepatectomy", "day": 2, "fractionResected": 0.8 } ] }""", "$.events[0].fractionResected", "(0, 0.75] of the liver"),
        new("hepatectomy-as-percent", """{ "events": [ { "type": "partialHepatectomy", "day": 2, "fractionResected": 60 } ] }""", "$.events[0].fractionResected", "(0, 0.75] of the liver"),
        new("hepatectomy-fraction-missing", """{ "events": [ { "type": "partialHepatectomy", "day": 2 } ] }""", "$.events[0].fractionResected", "(0, 0.75] of the liver"),
        new("chemotherapy-regimen-missing", $$"""{ "events": [ { {{Carbo}} } ] }""", "$.events[0].regimen", "allowed: carboplatin, gentle, custom"),
        new("chemotherapy-unknown-regimen", $$"""{ "events": [ { {{Carbo}}, "regimen": "cisplatin" } ] }""", "$.events[0].regimen", "allowed: carboplatin, gentle, custom"),
        new("custom-regimen-without-kill-rate", $$"""{ "events": [ { {{Carbo}}, "regimen": "custom", "exposureDays": 2 } ] }""", "$.events[0].killRate", "(0, 20] 1/day"),
        new("custom-regimen-without-exposure", $$"""{ "events": [ { {{Carbo}}, "regimen": "custom", "killRate": 1 } ] }""", "$.events[0].exposureDays", "[0.01, 28] days"),
        new("custom-kill-rate-too-high", $$"""{ "events": [ { {{Carbo}}, "regimen": "custom", "killRate": 25, "exposureDays": 2 } ] }""", "$.events[0].killRate", "(0, 20] 1/day"),
        new("custom-exposure-too-long", $$"""{ "events": [ { {{Carbo}}, "regimen": "custom", "killRate": 1, "exposureDays": 30 } ] }""", "$.events[0].exposureDays", "[0.01, 28] days"),
        new("kill-rate-on-a-preset", $$"""{ "events": [ { {{Carbo}}, "regimen": "carboplatin", "killRate": 3 } ] }""", "$.events[0].killRate", "only for regimen 'custom'"),
        new("exposure-on-a-preset", $$"""{ "events": [ { {{Carbo}}, "regimen": "gentle", "exposureDays": 3 } ] }""", "$.events[0].exposureDays", "only for regimen 'custom'"),
        new("cycles-without-every", $$"""{ "events": [ { {{Carbo}}, "regimen": "carboplatin", "cycles": 4 } ] }""", "$.events[0].everyDays", "[1, 365]"),
        new("cycles-zero", $$"""{ "events": [ { {{Carbo}}, "regimen": "carboplatin", "cycles": 0 } ] }""", "$.events[0].cycles", "[1, 50]"),
        new("cycles-too-many", $$"""{ "simulation": { "days": 7300 }, "events": [ { {{Carbo}}, "regimen": "carboplatin", "cycles": 51, "everyDays": 21 } ] }""", "$.events[0].cycles", "[1, 50]"),
        new("cycles-fraction", $$"""{ "events": [ { {{Carbo}}, "regimen": "carboplatin", "cycles": 2.5, "everyDays": 21 } ] }""", "$.events[0].cycles", "[1, 50]"),
        new("cycle-length-too-short", $$"""{ "events": [ { {{Carbo}}, "regimen": "carboplatin", "cycles": 2, "everyDays": 0.5 } ] }""", "$.events[0].everyDays", "[1, 365] days"),
        new("cycles-past-end", $$"""{ "simulation": { "days": 100 }, "events": [ { {{Carbo}}, "regimen": "carboplatin", "cycles": 6, "everyDays": 21 } ] }""", "$.events[0].cycles", "allowed ≤ 5", SchemaCanTell: false),
        new("radiation-zero", """{ "events": [ { "type": "radiation", "day": 2, "doseGy": 0 } ] }""", "$.events[0].doseGy", "(0, 20] Gy"),
        new("radiation-negative", """{ "events": [ { "type": "radiation", "day": 2, "doseGy": -1 } ] }""", "$.events[0].doseGy", "(0, 20] Gy"),
        new("radiation-over-20", """{ "events": [ { "type": "radiation", "day": 2, "doseGy": 25 } ] }""", "$.events[0].doseGy", "(0, 20] Gy"),
        new("radiation-in-cGy", """{ "events": [ { "type": "radiation", "day": 2, "doseGy": 300 } ] }""", "$.events[0].doseGy", "(0, 20] Gy"),
        new("radiation-dose-as-text", """{ "events": [ { "type": "radiation", "day": 2, "doseGy": "3 Gy" } ] }""", "$.events[0].doseGy", "(0, 20] Gy"),
        new("pk-unknown-variant", """{ "pk": { "romiplostim": "romiplostim-mds" } }""", "$.pk.romiplostim", "allowed: romiplostim, romiplostim-itp"),
        new("pk-drug-without-variants", """{ "pk": { "avatrombopag": "avatrombopag" } }""", "$.pk.avatrombopag", "allowed: romiplostim, eltrombopag"),
        new("titration-unknown-policy", """{ "titration": { "policy": "nplate" } }""", "$.titration.policy", "allowed: romiplostim-itp-label, eltrombopag-itp-label, avatrombopag-itp-label, avatrombopag-cld-label, lusutrombopag-lplus2, custom"),
        new("titration-policy-missing", """{ "titration": { "startDose": 1 } }""", "$.titration.policy", "allowed: romiplostim-itp-label"),
        new("titration-custom-without-start-dose", """{ "titration": { "policy": "custom", "low": 30 } }""", "$.titration.startDose", "(0, 30] µg/kg"),
        new("titration-custom-high-below-low", """{ "titration": { "policy": "custom", "startDose": 1, "low": 250 } }""", "$.titration.high", "allowed (250, 400]", SchemaCanTell: false),
        new("titration-custom-resume-above-hold", """{ "titration": { "policy": "custom", "startDose": 1, "resume": 500 } }""", "$.titration.resume", "allowed (0, 400]", SchemaCanTell: false),
        new("titration-start-not-a-level", """{ "titration": { "policy": "romiplostim-itp-label", "startDose": 3.5 } }""", "$.titration.startDose", "allowed: 1, 2, 3, 4, 5, 6, 7, 8, 9, 10"),
        new("titration-eltrombopag-start-not-a-level", """{ "titration": { "policy": "eltrombopag-itp-label", "startDose": 100 } }""", "$.titration.startDose", "allowed: 12.5, 25, 50, 75"),
        new("titration-cld-with-start-dose", """{ "titration": { "policy": "avatrombopag-cld-label", "startDose": 60 } }""", "$.titration.startDose", "baseline count chooses the dose"),
        new("titration-threshold-on-label-rule", """{ "titration": { "policy": "romiplostim-itp-label", "low": 30 } }""", "$.titration.low", "only for policy 'custom'"),
        new("titration-east-asian-on-romiplostim", """{ "titration": { "policy": "romiplostim-itp-label", "eastAsian": true } }""", "$.titration.eastAsian", "only for policy 'eltrombopag-itp-label'"),
        new("titration-assay-cv-too-high", """{ "titration": { "policy": "romiplostim-itp-label", "assayCv": 0.6 } }""", "$.titration.assayCv", "[0, 0.5]"),
        new("titration-check-interval-zero", """{ "titration": { "policy": "romiplostim-itp-label", "checkEveryDays": 0 } }""", "$.titration.checkEveryDays", "[1, 28] days"),
        new("titration-weeks-and-days", """{ "titration": { "policy": "romiplostim-itp-label", "weeks": 2, "days": 14 } }""", "$.titration.days", "not both"),
        new("titration-past-end", """{ "simulation": { "days": 56 }, "titration": { "policy": "romiplostim-itp-label", "weeks": 24 } }""", "$.titration.weeks", "allowed ≤ 8", SchemaCanTell: false),
    ];
}
