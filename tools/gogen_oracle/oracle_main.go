// CountyClear's own shim around gogen (not part of gogen, not gogen code). Place it at
// cmd/oracle/main.go of the gogen module assembled as README.md in this folder says, then
// build with `go build -o oracle ./cmd/oracle` from the module root.
//
// Oracle: runs the same calls as gogen's `run` command (gogen.go, v0.2.11/0.2.13)
// on one or more DOJ files and prints, per evaluated conviction, one CSV line, plus
// the summary's people counts as JSON. Not part of gogen; written for the
// CountyClear differential tests.
package main

import (
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"gogen/data"
	"gogen/exporter"
	"gogen/utilities"
	"io/ioutil"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

func fail(err error) {
	fmt.Fprintln(os.Stderr, "oracle:", err)
	os.Exit(1)
}

func main() {
	inputs := flag.String("input-doj", "", "comma-separated DOJ files")
	county := flag.String("county", "", "county, exactly as gogen compares it (e.g. SACRAMENTO)")
	computeAt := flag.String("compute-at", "", "YYYY-MM-DD")
	optionsPath := flag.String("eligibility-options", "", "BEAR options JSON")
	outDir := flag.String("outputs", "", "folder for gogen's own All_Results files, oracle.csv and summary.json")
	flag.Parse()
	if *inputs == "" || *county == "" || *computeAt == "" || *optionsPath == "" || *outDir == "" {
		fail(fmt.Errorf("need --input-doj --county --compute-at --eligibility-options --outputs"))
	}
	computeAtDate, err := time.Parse("2006-01-02", *computeAt)
	if err != nil {
		fail(err)
	}
	optionsBytes, err := ioutil.ReadFile(*optionsPath)
	if err != nil {
		fail(err)
	}
	var options data.EligibilityOptions
	if err := json.Unmarshal(optionsBytes, &options); err != nil {
		fail(err)
	}
	flow, err := data.NewConfigurableEligibilityFlow(options, *county)
	if err != nil {
		fail(err)
	}
	if err := os.MkdirAll(*outDir, os.ModePerm); err != nil {
		fail(err)
	}
	utilities.SetErrorFileName(filepath.Join(*outDir, "gogen.err"))

	realStdout := os.Stdout
	devNullW, _ := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	os.Stdout = devNullW // gogen prints a progress bar per row

	oracleFile, err := os.Create(filepath.Join(*outDir, "oracle.csv"))
	if err != nil {
		fail(err)
	}
	out := csv.NewWriter(oracleFile)
	_ = out.Write([]string{"file_index", "row_index", "subject_id", "cnt_order", "code_section",
		"is_felony", "determination", "reason"})

	var runSummary exporter.Summary
	inputFiles := strings.Split(*inputs, ",")
	for fileIndex, inputFile := range inputFiles {
		fileIndex = fileIndex + 1
		dojInformation, gogenErr := data.NewDOJInformation(inputFile, computeAtDate, flow)
		if gogenErr.ErrorType != "" {
			os.Stdout = realStdout
			fail(fmt.Errorf("%s: %s %s", inputFile, gogenErr.ErrorType, gogenErr.ErrorMessage))
		}
		countyEligibilities := dojInformation.DetermineEligibility(*county, flow)
		dismissAll := dojInformation.DetermineEligibility(*county, data.EligibilityFlows["DISMISS ALL PROP 64"])
		dismissAllRelated := dojInformation.DetermineEligibility(*county, data.EligibilityFlows["DISMISS ALL PROP 64 AND RELATED"])

		w1, err := exporter.NewDOJWriter(utilities.GenerateIndexedFileName(*outDir, "All_Results_%d%s.csv", fileIndex, ""))
		if err != nil {
			fail(err)
		}
		w2, err := exporter.NewCondensedDOJWriter(utilities.GenerateIndexedFileName(*outDir, "All_Results_Condensed_%d%s.csv", fileIndex, ""))
		if err != nil {
			fail(err)
		}
		w3, err := exporter.NewDOJWriter(utilities.GenerateIndexedFileName(*outDir, "Prop64_Results_%d%s.csv", fileIndex, ""))
		if err != nil {
			fail(err)
		}
		dataExporter := exporter.NewDataExporter(dojInformation, countyEligibilities, dismissAll, dismissAllRelated, w1, w2, w3)
		fileSummary := dataExporter.Export(*county, flow)
		runSummary = dataExporter.AccumulateSummaryData(runSummary, fileSummary)

		indices := make([]int, 0, len(countyEligibilities))
		for index := range countyEligibilities {
			indices = append(indices, index)
		}
		sort.Ints(indices)
		for _, index := range indices {
			info := countyEligibilities[index]
			row := data.NewDOJRow(dojInformation.Rows[index], index)
			felony := "N"
			if row.IsFelony {
				felony = "Y"
			}
			_ = out.Write([]string{fmt.Sprint(fileIndex), fmt.Sprint(index), row.SubjectID, row.CountOrder,
				row.CodeSection, felony, info.EligibilityDetermination, info.EligibilityReason})
		}
	}
	out.Flush()
	oracleFile.Close()
	os.Stdout = realStdout

	people := map[string]int{
		"people_evaluated":     runSummary.SubjectsWithProp64ConvictionCountInCounty,
		"people_with_relief":   runSummary.SubjectsWithSomeReliefCount,
		"people_no_felony":     runSummary.ReliefWithCurrentEligibilityChoices["CountSubjectsNoFelony"],
		"people_no_conviction": runSummary.ReliefWithCurrentEligibilityChoices["CountSubjectsNoConviction"],
	}
	full := map[string]interface{}{"people": people, "gogen_summary": runSummary}
	s, _ := json.MarshalIndent(full, "", "  ")
	if err := ioutil.WriteFile(filepath.Join(*outDir, "summary.json"), s, 0644); err != nil {
		fail(err)
	}
	p, _ := json.Marshal(people)
	fmt.Println(string(p))
}
