#!/usr/bin/env bash
# The thin library jar as a library user gets it: checks target/unspin-VERSION.jar (our classes and
# dictionaries/ only, < 15 MB, no development tools: eval, bench, dictionary builds), installs it with this pom.xml into a scratch local Maven repository, builds a
# scratch project that depends on org.unspin:unspin:VERSION alone, and runs the README's Library snippet
# against it, asserting the repaired text, on the class path and as a named module that requires org.unspin
# (the jar's Automatic-Module-Name). Also checks that the CLI-only dependencies (slf4j-nop, ahocorasick)
# and Spark do not reach the library user's class path.
# The scratch repository resolves from ~/.m2/repository first (as a file:// repository), then Maven Central.
# Usage: scripts/check-library-jar.sh   (builds with `mvn package -DskipTests` when the thin jar is missing;
#        set UNSPIN_KEEP=DIR to keep the scratch project and repository in DIR). scripts/test.sh (CI) runs it
#        after the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
version=$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' pom.xml | head -1)
jar=target/unspin-$version.jar
[ -f "$jar" ] || mvn -q -B -ntp package -DskipTests
fail() { echo "check-library-jar: $*" >&2; exit 1; }

# 1. The jar itself: < 15 MB, nothing but org/unspin/, dictionaries/ and META-INF/.
size=$(stat -c %s "$jar")
[ "$size" -lt 15000000 ] || fail "$jar is $size bytes, over 15 MB"
foreign=$(jar tf "$jar" | grep -v -E '^(org/|org/unspin/.*|dictionaries/.*|META-INF/.*)$' || true)
[ -z "$foreign" ] || fail "$jar bundles more than our classes and dictionaries: $(echo "$foreign" | head -5)"
echo "thin jar: $jar, $size bytes, only org/unspin/, dictionaries/, META-INF/"
# ... and none of the development tools (src/tools/java, compiled to target/tools-classes: eval, bench, the
# dictionary builds), which only the CLI jar carries.
[ -d target/tools-classes ] || fail "target/tools-classes is missing: build with mvn package"
tools=$( (jar tf "$jar" | grep -E '^org/unspin/(eval|lexicon/build)/.' || true
          comm -12 <(jar tf "$jar" | grep '\.class$' | sort) \
                   <(cd target/tools-classes && find . -name '*.class' | sed 's:^\./::' | sort)) | sort -u)
[ -z "$tools" ] || fail "$jar contains development tools: $(echo "$tools" | head -5)"
echo "thin jar: no eval, bench or dictionary-build classes ($(find target/tools-classes -name '*.class' | wc -l) in target/tools-classes)"

# 2. Install it, with its POM, into a scratch local repository.
work=${UNSPIN_KEEP:-$(mktemp -d)}
mkdir -p "$work"
[ -n "${UNSPIN_KEEP:-}" ] || trap 'rm -rf "$work"' EXIT
cat >"$work/settings.xml" <<EOF
<settings>
  <localRepository>$work/repo</localRepository>
  <profiles>
    <profile>
      <id>user-cache</id>
      <repositories>
        <repository><id>user-cache</id><url>file://$HOME/.m2/repository</url></repository>
      </repositories>
      <pluginRepositories>
        <pluginRepository><id>user-cache</id><url>file://$HOME/.m2/repository</url></pluginRepository>
      </pluginRepositories>
    </profile>
  </profiles>
  <activeProfiles><activeProfile>user-cache</activeProfile></activeProfiles>
</settings>
EOF
mvn=(mvn -q -B -ntp -s "$work/settings.xml")
"${mvn[@]}" org.apache.maven.plugins:maven-install-plugin:3.1.3:install-file -Dfile="$jar" -DpomFile=pom.xml
echo "installed org.unspin:unspin:$version into $work/repo"

# 3. A scratch project that depends on it and runs the README's Library snippet.
app=$work/app
mkdir -p "$app/src/main/java/example"
cat >"$app/pom.xml" <<EOF
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>example</groupId>
  <artifactId>uses-unspin</artifactId>
  <version>1</version>
  <properties>
    <maven.compiler.release>17</maven.compiler.release>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
  </properties>
  <dependencies>
    <dependency>
      <groupId>org.unspin</groupId>
      <artifactId>unspin</artifactId>
      <version>$version</version>
    </dependency>
  </dependencies>
  <build>
    <plugins>
      <plugin>
        <groupId>org.apache.maven.plugins</groupId>
        <artifactId>maven-compiler-plugin</artifactId>
        <version>3.13.0</version>
      </plugin>
      <plugin>
        <groupId>org.apache.maven.plugins</groupId>
        <artifactId>maven-resources-plugin</artifactId>
        <version>3.3.1</version>
      </plugin>
    </plugins>
  </build>
</project>
EOF
# The README's Library snippet: the first ```java block under "## Library", up to its first blank line (the
# rest of the block builds a custom Unspinner from files that exist only in the example), wrapped in a method
# that returns its `r`. The expected text is the comment on its `r.text();` line.
doc=${UNSPIN_SNIPPET_DOC:-README.md}   # or another file (relative to the repository, or absolute) holding the section
[[ $doc = /* ]] || doc=$root/$doc
snippet=$(awk '/^## Library/ {lib=1; next} lib && /^## / {exit} lib && /^```java/ {code=1; next}
               code && (/^```/ || /^$/) {exit} code {print}' "$doc")
[ -n "$snippet" ] || fail "no java block under \"## Library\" in $doc"
expected=$(echo "$snippet" | sed -n 's:^ *r\.text(); *// *"\(.*\)"$:\1:p')
[ -n "$expected" ] || fail "the snippet in $doc has no 'r.text();  // \"...\"' line to check against"
{
    cat <<'EOF'
package example;

import java.nio.file.Path;
import org.unspin.*;
import org.unspin.edit.*;

public class Snippet {
    public static void main(String[] args) {
        Repair r = run();
        System.out.println(r.text());
        for (Edit e : r.edits()) {
            System.out.println("  " + e);
        }
    }

    static Repair run() {
        // ---- from the README's Library section ----
EOF
    echo "$snippet" | sed 's/^/        /'
    cat <<'EOF'
        // ---- end ----
        return r;
    }
}
EOF
} >"$app/src/main/java/example/Snippet.java"
(cd "$app" && "${mvn[@]}" compile org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
    -Dmdep.outputFile=cp.txt -Dmdep.includeScope=runtime)
cp=$(cat "$app/cp.txt")
case ":$cp:" in  # (not grep -q in a pipe: under pipefail its early exit can fail the pipe)
    *":$work/repo/org/unspin/unspin/$version/unspin-$version.jar:"*) ;;
    *) fail "the scratch project does not use the installed thin jar" ;;
esac
leaked=$(echo "$cp" | tr ':' '\n' | grep -E '/(slf4j-nop|ahocorasick|spark-[a-z_0-9.-]+)/' || true)
[ -z "$leaked" ] || fail "CLI-only or provided dependencies reach a library user: $leaked"
echo "scratch project class path: $(echo "$cp" | tr ':' '\n' | wc -l) jars, no slf4j-nop, ahocorasick or Spark"

# No SLF4J provider on this class path, so SLF4J notes that on stderr: the library leaves logging to its user.
(cd "$app" && java -cp "target/classes:$cp" example.Snippet) >"$work/snippet.out" 2>"$work/snippet.err" \
    || { cat "$work/snippet.out" "$work/snippet.err" >&2; fail "the README snippet failed"; }
cat "$work/snippet.out"
[ "$(head -1 "$work/snippet.out")" = "$expected" ] || fail "the repaired text is not \"$expected\" as $doc says"
grep -h 'SLF4J' "$work/snippet.err" | sed 's/^/stderr: /' | head -3 || true
echo "check-library-jar: the README's Library snippet ran against the installed thin jar"

# 4. A modular user: a named module that `requires org.unspin` (the thin jar's Automatic-Module-Name) with the
#    thin jar on the module path and its dependencies on the class path, where LanguageTool's split packages
#    can stay (docs/library.md, "Java modules").
mod=$work/modular
mkdir -p "$mod/src/example"
echo 'module example { requires org.unspin; }' >"$mod/src/module-info.java"
cp "$app/src/main/java/example/Snippet.java" "$mod/src/example/Snippet.java"
thin=$work/repo/org/unspin/unspin/$version/unspin-$version.jar
rest=$(echo "$cp" | tr ':' '\n' | grep -v -F "$thin" | paste -sd: -)
javac -d "$mod/out" --module-path "$thin" -cp "$rest" "$mod/src/module-info.java" "$mod/src/example/Snippet.java"
java --module-path "$thin:$mod/out" -cp "$rest" -m example/example.Snippet >"$work/modular.out" 2>"$work/modular.err" \
    || { cat "$work/modular.out" "$work/modular.err" >&2; fail "the snippet failed as a named module"; }
[ "$(head -1 "$work/modular.out")" = "$expected" ] || fail "as a named module the repaired text is not \"$expected\""
echo "check-library-jar: the snippet ran as a named module requiring org.unspin (thin jar on the module path)"
