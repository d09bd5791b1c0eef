#!/usr/bin/perl
# Reads a TAP stream on standard input with Perl's TAP::Parser (the parser behind `prove`) and
# prints what it understood, one line per test point: NUMBER<TAB>ok|not ok<TAB>skip|<TAB>DESCRIPTION,
# then "planned N", "version N" and "parse_errors N" (each parse error on its own line after).
use strict;
use warnings;
use TAP::Parser;

my $tap = do { local $/; <STDIN> };
my $parser = TAP::Parser->new({ tap => $tap });
while (my $result = $parser->next) {
    next unless $result->is_test;
    printf "%d\t%s\t%s\t%s\n", $result->number, ($result->is_actual_ok ? "ok" : "not ok"),
        ($result->has_skip ? "skip" : ""), $result->description;
}
printf "planned %d\n", $parser->tests_planned // -1;
printf "version %d\n", $parser->version;
my @errors = $parser->parse_errors;
printf "parse_errors %d\n", scalar @errors;
print "$_\n" for @errors;
