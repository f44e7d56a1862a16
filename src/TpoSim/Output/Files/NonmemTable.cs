using System.Globalization;
using System.Text;
using TpoSim.Dosing;
using TpoSim.Output.Reports;
using TpoSim.Simulation;
using TpoSim.Units;

namespace TpoSim.Output.Files;

/// <summary>
/// nonmem.csv: the run as a NONMEM-style long table, <c>ID,TIME,EVID,CMT,AMT,DV,IPRED</c>. TIME is in hours from day 0.
/// Dose rows (EVID 1) carry AMT in µg (the absolute amount given, whatever unit it was ordered in) and CMT 1 oral, 2
/// subcutaneous, 3 intravenous (<see cref="EventTableFormat"/>, as the dose tables TpoSim reads). Observation rows (EVID
/// 0) at every output time carry CMT 4 platelets (10^9/L), CMT 5 free TPO (pg/mL) and, with exactly one PK drug, CMT 6 its
/// plasma concentration (ng/mL). There is no residual error model, so DV equals IPRED; "." marks a field that does not
/// apply. A dose and an observation at the same time are written dose first.
/// </summary>
public static class NonmemTable
{
    /// <summary>The header line.</summary>
    public const string Header = "ID,TIME,EVID,CMT,AMT,DV,IPRED";

    /// <summary>Writes the table.</summary>
    public static void Write(SimulationResult result, TextWriter writer)
    {
        writer.Write(Header + "\n");
        var doses = ClinicalText.DosesGiven(result).ToArray();
        var oneDrug = result.DrugConcentrationsNgPerMl.Count > 0 && result.DrugNames.Count == 1;
        var d = 0;
        var line = new StringBuilder();
        for (var i = 0; i < result.Days.Count; i++)
        {
            var day = result.Days[i];
            for (; d < doses.Length && doses[d].Day <= day; d++) WriteDose(writer, doses[d]);
            var o = result.Outputs[i];
            WriteObservation(writer, day, EventTableCompartment.Platelets, o.PlateletsCirculating);
            WriteObservation(writer, day, EventTableCompartment.Tpo, o.TpoFreePicogramsPerMl);
            if (oneDrug) WriteObservation(writer, day, EventTableCompartment.DrugConcentration, result.DrugConcentrationsNgPerMl[i][0]);
        }
        for (; d < doses.Length; d++) WriteDose(writer, doses[d]);
    }

    private static void WriteDose(TextWriter w, GivenDoseText dose) =>
        w.Write($"1,{Hours(dose.Day)},1,{(int)EventTableFormat.DoseCompartment(dose.Route)},{TimeSeriesCsv.Number(dose.Micrograms)},.,.\n");

    private static void WriteObservation(TextWriter w, double day, EventTableCompartment cmt, double value)
    {
        var v = TimeSeriesCsv.Number(value);
        w.Write($"1,{Hours(day)},0,{(int)cmt},.,{v},{v}\n");
    }

    private static string Hours(double day) => TpoUnits.DaysToHours(day).ToString("0.######", CultureInfo.InvariantCulture);
}
