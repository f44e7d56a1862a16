namespace TpoSim.Cli.Tests;

/// <summary>Valid scenarios exercising every field and the edges of the allowed ranges.</summary>
internal static class GoodScenarioCases
{
    public static readonly (string Id, string Json)[] All =
    [
        ("empty-object", "{}"),
        ("every-field", """
            {
              "$schema": "../docs/scenario.schema.json",
              "name": "Every field",
              "description": "Uses each field of the format once.",
              "patient": {
                "weightKg": 82.5, "sex": "male", "ageGroup": "adult",
                "condition": { "name": "healthy", "severity": 0 },
                "parameters": { "plateletsReference": 300, "kon": 1.5, "amrEnabled": 0 }
              },
              "simulation": { "days": 21, "outputEveryDays": 0.5, "solver": "rodas5p" },
              "doses": [
                { "drug": "rhTPO", "route": "iv", "amount": 1.2, "unit": "ug/kg", "day": 1, "everyDays": 7, "count": 3 },
                { "drug": "rhTPO", "route": "iv", "amount": 50, "unit": "ug", "day": 2 },
                { "drug": "rhTPO", "route": "iv", "amount": 0.05, "unit": "mg", "day": 3, "count": 1 }
              ],
              "events": [
                { "type": "plateletTransfusion", "day": 4, "units": 1.5 },
                { "type": "plateletTransfusion", "day": 6, "plateletsE9": 250 },
                { "type": "setParameter", "day": 8, "parameter": "extraRemovalRate", "value": 0.3 },
                { "type": "setParameter", "day": 15, "parameter": "extraRemovalRate", "value": 0 }
              ]
            }
            """),
        ("range-edges", """
            {
              "patient": { "weightKg": 0.5, "sex": "female", "ageGroup": "neonate", "parameters": { "koff": 1000, "kfn": 0 } },
              "simulation": { "days": 14, "outputEveryDays": 14, "solver": "auto" },
              "doses": [ { "drug": "rhTPO", "route": "iv", "amount": 10, "unit": "ug/kg", "day": 0, "everyDays": 7, "count": 3 } ],
              "events": [
                { "type": "plateletTransfusion", "day": 0, "units": 20 },
                { "type": "plateletTransfusion", "day": 14, "plateletsE9": 6000 },
                { "type": "setParameter", "day": 14, "parameter": "mplExpression", "value": 1.5 }
              ]
            }
            """),
        ("short-dopri5", """{ "name": "Short", "simulation": { "days": 0.01, "outputEveryDays": 0.001, "solver": "dopri5" } }"""),
        ("heaviest-patient-absolute-dose", """
            { "patient": { "weightKg": 250 }, "simulation": { "days": 5 },
              "doses": [ { "drug": "rhTPO", "route": "iv", "amount": 2500, "unit": "ug", "day": 1 } ] }
            """),
        ("titration-eltrombopag-east-asian", """
            { "patient": { "eastAsian": true, "conditions": [ { "name": "itp", "severity": 0.4 }, { "name": "chronicLiverDisease", "childPugh": "A" } ] }, "simulation": { "days": 28 },
              "titration": { "policy": "eltrombopag-itp-label", "eastAsian": true, "hepaticImpairment": true, "checkEveryDays": 7, "days": 28, "assayCv": 0.5, "seed": 0 } }
            """),
        ("titration-custom", """
            { "simulation": { "days": 21 },
              "titration": { "policy": "custom", "startDose": 2, "low": 60, "high": 150, "hold": 150, "resume": 150, "step": 2, "maxDose": 30, "weeks": 3 } }
            """),
        ("titration-lusutrombopag", """{ "titration": { "policy": "lusutrombopag-lplus2", "startDose": 3 } }"""),
        ("titration-avatrombopag-cld", """{ "patient": { "condition": { "name": "chronicLiverDisease", "childPugh": "C" } }, "simulation": { "days": 14 }, "titration": { "policy": "avatrombopag-cld-label" } }"""),
    ];
}
