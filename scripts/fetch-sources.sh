#!/usr/bin/env bash
# Refresh ../shared/data from the upstream repositories (for the data-release workflow, which has
# network access; development machines use the copies in ../shared/data). Each line: the file's
# path under shared/data and its raw URL upstream (see SOURCES.md for the commits read last).
set -euo pipefail
out="${1:-../shared/data}"
fetch() { mkdir -p "$out/$(dirname "$1")"; curl -fsSL --retry 3 -o "$out/$1" "$2"; }
fetch congress-legislators/legislators-current.yaml https://raw.githubusercontent.com/unitedstates/congress-legislators/main/legislators-current.yaml
fetch congress-legislators/executive.yaml https://raw.githubusercontent.com/unitedstates/congress-legislators/main/executive.yaml
fetch congress-legislators/legislators-historical.csv https://theunitedstates.io/congress-legislators/legislators-historical.csv
fetch congress-legislators/fivethirtyeight-data_aging_congress.csv https://raw.githubusercontent.com/fivethirtyeight/data/master/congress-demographics/data_aging_congress.csv
for f in appointment appointment_characteristics person post post_relationship organisation organisation_link representation representation_characteristics constituency event; do
  fetch "ifg-ministers-database/$f.csv" "https://raw.githubusercontent.com/instituteforgov/ifg-ministers-database-public/main/data/$f.csv"
done
for f in ministers shadow-ministers representatives senators people; do
  fetch "openaustralia/$f.csv" "https://raw.githubusercontent.com/openaustralia/openaustralia-parser/master/data/$f.csv"
done
fetch canada-ckan-ministers/minister.json https://raw.githubusercontent.com/open-data/ckanext-canada/master/ckanext/canada/tables/choices/minister.json
fetch parlparse/sp-ministers.json https://raw.githubusercontent.com/mysociety/parlparse/master/members/sp-ministers.json
fetch parlparse/ministers-2010.STALE-2020-10-21.json https://raw.githubusercontent.com/mysociety/parlparse/master/members/ministers-2010.json
# The remaining sources (Assemblée nationale, election results, MEPs, Wikidata extract) are
# refreshed by hand from the repositories in SOURCES.md: their layouts change between releases.
echo "fetch-sources: refreshed $out"
