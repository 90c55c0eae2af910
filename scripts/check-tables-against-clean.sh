#!/usr/bin/env bash
# Checks the curated phrase tables against clean (unspun) text.
#
#   scripts/check-tables-against-clean.sh CLEAN_FILE_OR_DIR...
#   e.g. scripts/check-tables-against-clean.sh target/corpora/sotu/package/data testdata/eval
#
# Reads *.txt and *.md files as they are and *.jsonl files (one JSON object per line, as in
# testdata/eval/) by their decoded "text" fields; each document ends with a paragraph break.
#
# 1. Validates every dictionaries/*.tsv row (the same rules the loader enforces: 5 fields,
#    non-empty fields, spun != canonical, confidence in [0,1], category syntax, spun key unique
#    across all files).
# 2. Lower-cases the clean text, folds curly apostrophes, treats every run of characters other
#    than letters, digits, apostrophes and hyphens as one token boundary, and counts how often each
#    spun key occurs on token boundaries. Hyphens are kept because the loader keeps them apart from
#    spaces: "brief-term" does not match "brief term".
# Prints "hits<TAB>confidence<TAB>file:line<TAB>spun" for every key found at least once and
# exits 1 if a table row is invalid or a key with confidence >= 0.8 (the default rewrite
# threshold) occurs in the clean text: such an entry would rewrite correct text.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 1 ] || { echo "usage: $0 CLEAN_FILE_OR_DIR..." >&2; exit 2; }

find "$@" -type f \( -name '*.txt' -o -name '*.md' -o -name '*.jsonl' \) -print0 | sort -z |
while IFS= read -r -d '' clean; do
  case "$clean" in
    *.jsonl) perl -CO -MJSON::PP -ne 'next unless /\S/; my $doc = JSON::PP->new->utf8->decode($_);
               defined $doc->{text} or die "$ARGV:$.: no text field\n"; print $doc->{text}, "\n\n"' "$clean" ;;
    *) cat "$clean"; printf '\n\n' ;;
  esac
done |
perl -CO -e '
  use strict; use warnings; use Encode qw(decode);
  binmode STDERR, ":encoding(UTF-8)";
  my $threshold = 0.8;
  sub fold { my $s = lc shift; $s =~ tr/\x{2018}\x{2019}\x{02BC}/\x27\x27\x27/; return $s; }
  sub boundaries { my $s = shift; $s =~ s/[^\p{L}\p{N}\x27-]+/ /g; $s =~ s/^ +| +$//g; return $s; }

  my (@rows, %seen, $bad);
  for my $file (sort glob "dictionaries/*.tsv") {
    open my $in, "<:encoding(UTF-8)", $file or die "$file: $!";
    my $header_seen = 0;
    while (my $line = <$in>) {
      chomp $line; $line =~ s/\r$//;
      next if $line =~ /^#/ || $line =~ /^\s*$/;
      my $where = "$file:$.";
      if (!$header_seen) {
        $header_seen = 1;
        if ($line ne "spun\tcanonical\tcategory\tconfidence\tnote") { print STDERR "$where: bad header\n"; $bad++; }
        next;
      }
      my @f = split /\t/, $line, -1;
      if (@f != 5) { print STDERR "$where: expected 5 fields, got ".scalar(@f)."\n"; $bad++; next; }
      my ($spun, $canon, $cat, $conf) = @f;
      for my $i (0..3) { if ($f[$i] eq "") { print STDERR "$where: empty field ".($i+1)."\n"; $bad++; } }
      if (fold($spun) eq fold($canon)) { print STDERR "$where: spun equals canonical\n"; $bad++; }
      if ($conf !~ /^(0(\.\d+)?|1(\.0+)?)$/) { print STDERR "$where: confidence not in [0,1]: $conf\n"; $bad++; }
      if ($cat !~ /^[a-z][a-z0-9-]*$/) { print STDERR "$where: bad category $cat\n"; $bad++; }
      my $key = fold($spun);
      if ($seen{$key}) { print STDERR "$where: duplicate spun key \"$key\" (first at $seen{$key})\n"; $bad++; }
      $seen{$key} //= $where;
      push @rows, [$key, $conf, $where];
    }
  }

  local $/; binmode STDIN;
  my $text = " " . boundaries(fold(decode("UTF-8", <STDIN> // ""))) . " ";  # malformed bytes become U+FFFD
  my ($words) = scalar(() = $text =~ / /g) - 1;
  my ($hit_keys, $high_hits) = (0, 0);
  for my $r (@rows) {
    my ($key, $conf, $where) = @$r;
    my $needle = " " . boundaries($key) . " ";
    my ($n, $pos) = (0, 0);
    while (($pos = index($text, $needle, $pos)) >= 0) { $n++; $pos++; }
    next unless $n;
    $hit_keys++;
    $high_hits++ if $conf >= $threshold;
    printf "%d\t%s\t%s\t%s%s\n", $n, $conf, $where, $key, $conf >= $threshold ? "\t<-- confidence >= $threshold" : "";
  }
  printf STDERR "%d rows, %d clean words, %d keys found in clean text, %d of them with confidence >= %.1f, %d invalid rows\n",
    scalar(@rows), $words, $hit_keys, $high_hits, $threshold, $bad // 0;
  exit(($bad || $high_hits) ? 1 : 0);
'
