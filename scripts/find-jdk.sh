# Sourced by ./faultline and .ci/run. Defines find_jdk, which prints the home of a JDK 25 or newer.
# Order: JAVA_HOME, then the java on PATH, then the usual install folders.

FAULTLINE_JDK_MIN=25

# Prints the feature version (17, 25, ...) of the java binary in $1, or nothing.
jdk_feature_version() {
  local version
  version=$("$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -1)
  case "$version" in
    1.*) echo "${version#1.}" ;;
    *) echo "$version" ;;
  esac
}

# Succeeds when $1 is a JDK home (java and javac) of the minimum version or newer.
is_suitable_jdk() {
  local home=$1 version
  [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || return 1
  version=$(jdk_feature_version "$home/bin/java")
  [ -n "$version" ] && [ "$version" -ge "$FAULTLINE_JDK_MIN" ] 2>/dev/null
}

find_jdk() {
  local candidate
  if [ -n "${JAVA_HOME:-}" ] && is_suitable_jdk "$JAVA_HOME"; then
    echo "$JAVA_HOME"
    return 0
  fi
  if command -v java >/dev/null 2>&1; then
    candidate=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.home = //p' | head -1)
    if [ -n "$candidate" ] && is_suitable_jdk "$candidate"; then
      echo "$candidate"
      return 0
    fi
  fi
  for candidate in /usr/lib/jvm/* /opt/java/* /opt/jdk* /usr/local/lib/jvm/* \
      "${HOME:-/nonexistent}"/.sdkman/candidates/java/* "${HOME:-/nonexistent}"/.jdks/* \
      /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    if is_suitable_jdk "$candidate"; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

explain_missing_jdk() {
  cat >&2 <<MSG
faultline: no JDK ${FAULTLINE_JDK_MIN} or newer found.
  Looked at JAVA_HOME (${JAVA_HOME:-unset}), the java on PATH, and /usr/lib/jvm, /opt/java,
  ~/.sdkman and /Library/Java/JavaVirtualMachines.
  Install one (for example Eclipse Temurin ${FAULTLINE_JDK_MIN} from adoptium.net, or
  'sdk install java ${FAULTLINE_JDK_MIN}-tem' with SDKMAN), then set JAVA_HOME to it and try again.
MSG
}
